package cn.xxgk.rollup.ingest;

import cn.xxgk.rollup.model.Shards;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/** Every regular, non-hidden file that {@code --input} names, ready to read. */
public final class MatchInputs extends PTransform<PBegin, PCollection<FileIO.ReadableFile>> {
  private final InputSpec input;
  private final Shards shards;

  public MatchInputs(InputSpec input, Shards shards) {
    this.input = input;
    this.shards = shards;
  }

  @Override
  public PCollection<FileIO.ReadableFile> expand(PBegin begin) {
    InputSpec spec = input;
    return begin
        .apply("Pattern", Create.of(spec.pattern()).withCoder(StringUtf8Coder.of()))
        .apply("MatchFiles", FileIO.matchAll().withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW)
            .withOutputParallelization(false))
        .apply("SkipHidden", Filter.by(m -> !InputSpec.isHidden(spec.relativize(m.resourceId().toString()))))
        // spread the files over the workers: on Flink a round-robin rebalance, which streams; on
        // the DirectRunner a grouping into a few buckets, so that each bundle holds many files
        .apply("Spread", Reshuffle.<MatchResult.Metadata>viaRandomKey().withNumBuckets(shards.count()))
        .setCoder(MetadataCoderV2.of())
        .apply("OpenFiles", FileIO.readMatches());
  }
}
