package cn.xxgk.rollup.output;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Writes a collection to one or more tables (CSV + Parquet), sorted. The elements are gathered on
 * one worker (a side input) and sorted there; a table that expands each element into many rows (metrics) does
 * so while writing, so only the elements, never the expanded rows, are held in memory. A table
 * of more elements than its spec puts in one Parquet part is cut, in order, into parts that the
 * workers write in parallel (a Parquet part and a CSV piece each); once all are written, the CSV
 * pieces are joined into one file. Emits the row count of each table written.
 */
public final class WriteTables<T> extends PTransform<PCollection<T>, PCollection<KV<String, Long>>> {
  private static final TupleTag<KV<String, Long>> ROWS = new TupleTag<>() {};
  /** A Parquet part to write: (spec index, part number) and its elements, in order. */
  private static final TupleTag<KV<KV<Integer, Integer>, List<Object>>> PARTS = new TupleTag<>() {};

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
  @SuppressWarnings({"unchecked", "rawtypes"})
  public PCollection<KV<String, Long>> expand(PCollection<T> input) {
    // A side input rather than a GroupByKey: the write runs exactly once, also when the
    // collection is empty, so every table always exists (with its header) after a run.
    PCollectionView<Iterable<List<T>>> all = input
        .apply("Batch", new BatchPerBundle<>())
        .apply("GatherOnOneWorker", View.asIterable());
    PCollectionTuple written = input.getPipeline()
        .apply("Once", Create.of("all").withCoder(StringUtf8Coder.of()))
        .apply("SortAndWrite", ParDo.of(new WriteFn<>(specs, outputDir, all)).withSideInputs(all)
            .withOutputTags(ROWS, TupleTagList.of(PARTS)));
    Coder<List<Object>> partCoder = (Coder) ListCoder.of(input.getCoder());
    KvCoder<Integer, Integer> partKey = KvCoder.of(VarIntCoder.of(), VarIntCoder.of());
    PCollection<KV<KV<Integer, Integer>, List<Object>>> parts = written.get(PARTS).setCoder(KvCoder.of(partKey, partCoder));
    PCollection<KV<String, Long>> whole = written.get(ROWS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    if (specs.stream().allMatch(s -> s.elementsPerPart() == Integer.MAX_VALUE)) {
      return whole; // never in parts: no steps for them (each step costs the DirectRunner on every bundle)
    }
    PCollectionView<Iterable<KV<KV<Integer, Integer>, Long>>> partRows = parts
        .apply("SpreadParts", Reshuffle.of())
        .apply("WriteParts", ParDo.of(new WritePartFn<>(specs, outputDir)))
        .setCoder(KvCoder.of(partKey, VarLongCoder.of()))
        .apply("GatherParts", View.asIterable());
    PCollection<KV<String, Long>> joined = input.getPipeline()
        .apply("AfterParts", Create.of("all").withCoder(StringUtf8Coder.of()))
        .apply("JoinCsvParts", ParDo.of(new JoinFn<>(specs, outputDir, partRows)).withSideInputs(partRows))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    return PCollectionList.of(whole).and(joined)
        .apply("AllTables", Flatten.pCollections());
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
    @SuppressWarnings("unchecked")
    public void process(ProcessContext c) throws IOException {
      List<T> sorted = new ArrayList<>();
      c.sideInput(all).forEach(sorted::addAll);
      for (int s = 0; s < specs.size(); s++) {
        TableSpec<T> spec = specs.get(s);
        sorted.sort(spec.order());
        int perPart = spec.elementsPerPart();
        if (sorted.size() <= perPart) {
          long rows = writeTable(spec, sorted, outputDir);
          Metrics.counter("xxgk.rows", spec.table().name()).inc(rows);
          c.output(KV.of(spec.table().name(), rows));
        } else {
          for (int from = 0, part = 0; from < sorted.size(); from += perPart, part++) {
            List<T> chunk = List.copyOf(sorted.subList(from, Math.min(sorted.size(), from + perPart)));
            c.output(PARTS, KV.of(KV.of(s, part), (List<Object>) chunk));
          }
        }
      }
    }
  }

  /** Writes one part (Parquet part and CSV piece) of a table written in parts; emits its rows. */
  private static final class WritePartFn<T> extends DoFn<KV<KV<Integer, Integer>, List<Object>>, KV<KV<Integer, Integer>, Long>> {
    private final List<TableSpec<T>> specs;
    private final String outputDir;

    WritePartFn(List<TableSpec<T>> specs, String outputDir) {
      this.specs = specs;
      this.outputDir = outputDir;
    }

    @ProcessElement
    @SuppressWarnings("unchecked")
    public void process(@Element KV<KV<Integer, Integer>, List<Object>> part, OutputReceiver<KV<KV<Integer, Integer>, Long>> out)
        throws IOException {
      TableSpec<T> spec = specs.get(part.getKey().getKey());
      long rows;
      try (TableFileWriter w = TableFileWriter.part(spec.table(), outputDir, part.getKey().getValue())) {
        writeRows(spec, (List<T>) part.getValue(), w);
        rows = w.rows();
      }
      out.output(KV.of(part.getKey(), rows));
    }
  }

  /** Once every part is written: joins each parted table's CSV pieces and emits its rows. */
  private static final class JoinFn<T> extends DoFn<String, KV<String, Long>> {
    private final List<TableSpec<T>> specs;
    private final String outputDir;
    private final PCollectionView<Iterable<KV<KV<Integer, Integer>, Long>>> partRows;

    JoinFn(List<TableSpec<T>> specs, String outputDir, PCollectionView<Iterable<KV<KV<Integer, Integer>, Long>>> partRows) {
      this.specs = specs;
      this.outputDir = outputDir;
      this.partRows = partRows;
    }

    @ProcessElement
    public void process(ProcessContext c) throws IOException {
      java.util.SortedMap<Integer, long[]> tables = new java.util.TreeMap<>(); // spec -> parts, rows
      for (KV<KV<Integer, Integer>, Long> p : c.sideInput(partRows)) {
        long[] t = tables.computeIfAbsent(p.getKey().getKey(), k -> new long[2]);
        t[0]++;
        t[1] += p.getValue();
      }
      for (java.util.Map.Entry<Integer, long[]> t : tables.entrySet()) {
        OutputTable table = specs.get(t.getKey()).table();
        TableFileWriter.joinCsv(table, outputDir, (int) t.getValue()[0]);
        Metrics.counter("xxgk.rows", table.name()).inc(t.getValue()[1]);
        c.output(KV.of(table.name(), t.getValue()[1]));
      }
    }
  }

  /** Writes one table whole from elements already in order; returns the rows written. */
  public static <T> long writeTable(TableSpec<T> spec, Iterable<T> elements, String outputDir) throws IOException {
    try (TableFileWriter w = new TableFileWriter(spec.table(), outputDir)) {
      writeRows(spec, elements, w);
      return w.rows();
    }
  }

  private static <T> void writeRows(TableSpec<T> spec, Iterable<T> elements, TableFileWriter w) throws IOException {
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
  }
}
