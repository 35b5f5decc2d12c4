package cn.xxgk.rollup.ingest;

import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/** Every regular, non-hidden file that {@code --input} names, ready to read. */
public final class MatchInputs extends PTransform<PBegin, PCollection<FileIO.ReadableFile>> {
  private final InputSpec input;

  public MatchInputs(InputSpec input) {
    this.input = input;
  }

  @Override
  public PCollection<FileIO.ReadableFile> expand(PBegin begin) {
    InputSpec spec = input;
    return begin
        .apply("MatchFiles", FileIO.match().filepattern(spec.pattern())
            .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        .apply("SkipHidden", Filter.by(m -> !InputSpec.isHidden(spec.relativize(m.resourceId().toString()))))
        .apply("OpenFiles", FileIO.readMatches());
  }
}
