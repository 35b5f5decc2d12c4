package cn.xxgk.rollup.output;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Writes a collection to one or more tables (CSV + Parquet), sorted. The elements are gathered on
 * one worker (a side input) and sorted there; a table that expands each element into many rows (metrics) does
 * so while writing, so only the elements, never the expanded rows, are held in memory. Emits the
 * row count of each table written.
 */
public final class WriteTables<T> extends PTransform<PCollection<T>, PCollection<KV<String, Long>>> {
  private final List<TableSpec<T>> specs;
  private final String outputDir;

  private WriteTables(List<TableSpec<T>> specs, String outputDir) {
    this.specs = specs;
    this.outputDir = outputDir;
  }

  @SafeVarargs
  public static <T> WriteTables<T> to(String outputDir, TableSpec<T>... specs) {
    return new WriteTables<>(List.of(specs), outputDir);
  }

  @Override
  public PCollection<KV<String, Long>> expand(PCollection<T> input) {
    // A side input rather than a GroupByKey: the write runs exactly once, also when the
    // collection is empty, so every table always exists (with its header) after a run.
    PCollectionView<Iterable<List<T>>> all = input
        .apply("Batch", new BatchPerBundle<>())
        .apply("GatherOnOneWorker", View.asIterable());
    return input.getPipeline()
        .apply("Once", Create.of("all").withCoder(StringUtf8Coder.of()))
        .apply("SortAndWrite", ParDo.of(new WriteFn<>(specs, outputDir, all)).withSideInputs(all))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  private static final class WriteFn<T> extends DoFn<String, KV<String, Long>> {
    private final List<TableSpec<T>> specs;
    private final String outputDir;
    private final PCollectionView<Iterable<List<T>>> all;

    WriteFn(List<TableSpec<T>> specs, String outputDir, PCollectionView<Iterable<List<T>>> all) {
      this.specs = specs;
      this.outputDir = outputDir;
      this.all = all;
    }

    @ProcessElement
    public void process(ProcessContext c) throws IOException {
      List<T> sorted = new ArrayList<>();
      c.sideInput(all).forEach(sorted::addAll);
      for (TableSpec<T> spec : specs) {
        sorted.sort(spec.order());
        long rows = writeTable(spec, sorted, outputDir);
        Metrics.counter("xxgk.rows", spec.table().name()).inc(rows);
        c.output(KV.of(spec.table().name(), rows));
      }
    }
  }

  /** Writes one table from elements already in order; returns the rows written. */
  public static <T> long writeTable(TableSpec<T> spec, Iterable<T> elements, String outputDir) throws IOException {
    try (TableFileWriter w = new TableFileWriter(spec.table(), outputDir)) {
      IOException[] failure = new IOException[1];
      for (T e : elements) {
        spec.rows(e, row -> {
          try {
            w.write(row);
          } catch (IOException ex) {
            failure[0] = ex;
          }
        });
        if (failure[0] != null) {
          throw failure[0];
        }
      }
      return w.rows();
    }
  }
}
