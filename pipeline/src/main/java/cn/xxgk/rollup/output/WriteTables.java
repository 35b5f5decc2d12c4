package cn.xxgk.rollup.output;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Writes a collection to one or more tables (CSV + Parquet), sorted, in parts: each element has
 * a part (a {@link PartOf} that follows the tables' order, so that part 0's rows all come before
 * part 1's), the elements of a part are grouped on one worker, sorted and written there, and once
 * every part is written they are put in place in order (the CSV joined into one file, the Parquet
 * parts numbered from 0). No worker holds more than one part, and the parts are written in
 * parallel. A table that expands each element into many rows (metrics) does so while writing. A
 * table with no elements is still written, with its header. Emits the row count of each table.
 */
public final class WriteTables<T> extends PTransform<PCollection<T>, PCollection<KV<String, Long>>> {
  /** Elements a worker buffers, per bundle, before it hands them to the grouping by part. */
  private static final int BATCH = 4096;

  /** Which part an element is written in; monotone in the tables' order. */
  @FunctionalInterface
  public interface PartOf<T> extends Serializable {
    int of(T element);
  }

  private final List<TableSpec<T>> specs;
  private final String outputDir;
  /** Null when every element goes to one part: the table is then written whole, in place. */
  private final PartOf<T> partOf;

  private WriteTables(List<TableSpec<T>> specs, String outputDir, PartOf<T> partOf) {
    this.specs = specs;
    this.outputDir = outputDir;
    this.partOf = partOf;
  }

  /** Tables written whole by one worker (small tables). */
  @SafeVarargs
  public static <T> WriteTables<T> to(String outputDir, TableSpec<T>... specs) {
    return new WriteTables<>(List.of(specs), outputDir, null);
  }

  /** Tables written in the parts {@code partOf} gives, by several workers. */
  @SafeVarargs
  public static <T> WriteTables<T> inParts(String outputDir, PartOf<T> partOf, TableSpec<T>... specs) {
    return new WriteTables<>(List.of(specs), outputDir, partOf);
  }

  @Override
  public PCollection<KV<String, Long>> expand(PCollection<T> input) {
    KvCoder<Integer, List<T>> batchCoder = KvCoder.of(VarIntCoder.of(), ListCoder.of(input.getCoder()));
    PCollection<KV<Integer, List<T>>> batches = input
        .apply("KeyByPart", ParDo.of(new KeyByPartFn<>(partOf)))
        .setCoder(batchCoder);
    if (partOf == null) {
      // one part, which always exists (an empty batch for it), so the table is written also
      // without elements, in place, by the one step: no gathering afterwards (the DirectRunner
      // pays for every step on every round of its scheduler)
      PCollection<KV<Integer, List<T>>> partZero = input.getPipeline()
          .apply("PartZero", Create.of(KV.of(0, List.<T>of())).withCoder(batchCoder));
      return PCollectionList.of(batches).and(partZero)
          .apply("WithPartZero", Flatten.pCollections())
          .apply("GroupParts", GroupByKey.create())
          .apply("SortAndWrite", ParDo.of(new WriteWholeFn<>(specs, outputDir)))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    }
    KvCoder<Integer, Integer> partKey = KvCoder.of(VarIntCoder.of(), VarIntCoder.of());
    PCollectionView<Iterable<KV<KV<Integer, Integer>, Long>>> written = batches
        .apply("GroupParts", GroupByKey.create())
        .apply("SortAndWrite", ParDo.of(new WritePartFn<>(specs, outputDir)))
        .setCoder(KvCoder.of(partKey, VarLongCoder.of()))
        .apply("GatherParts", View.asIterable());
    // runs once, after every part is written (a side input), also when there was nothing to write
    return input.getPipeline()
        .apply("Once", Create.of("all").withCoder(StringUtf8Coder.of()))
        .apply("PutInPlace", ParDo.of(new PutInPlaceFn<>(specs, outputDir, written)).withSideInputs(written))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  /**
   * Keys elements by their part, packed in lists per bundle: the grouping then receives a few
   * large elements rather than many small ones (the DirectRunner copies a key's grouped state for
   * each arriving bundle, so many small arrivals cost it the square of their number). At most
   * {@link #BATCH} elements wait at once, which bounds a worker's memory where a bundle is the
   * worker's whole input (Flink's batch mode).
   */
  private static final class KeyByPartFn<T> extends DoFn<T, KV<Integer, List<T>>> {
    private final PartOf<T> partOf;
    private transient SortedMap<Integer, List<T>> waiting;
    private transient int count;

    KeyByPartFn(PartOf<T> partOf) {
      this.partOf = partOf;
    }

    @StartBundle
    public void start() {
      waiting = new TreeMap<>();
      count = 0;
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<KV<Integer, List<T>>> out) {
      int part = partOf == null ? 0 : partOf.of(element);
      waiting.computeIfAbsent(part, k -> new ArrayList<>()).add(element);
      if (++count >= BATCH) {
        waiting.forEach((k, v) -> out.output(KV.of(k, v)));
        waiting = new TreeMap<>();
        count = 0;
      }
    }

    @FinishBundle
    public void finish(FinishBundleContext c) {
      waiting.forEach((k, v) -> c.output(KV.of(k, v), BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE));
      waiting = null;
    }
  }

  /** Sorts one part's elements and writes each table's rows of them; emits (table, part) and its rows. */
  private static final class WritePartFn<T> extends DoFn<KV<Integer, Iterable<List<T>>>, KV<KV<Integer, Integer>, Long>> {
    private final List<TableSpec<T>> specs;
    private final String outputDir;

    WritePartFn(List<TableSpec<T>> specs, String outputDir) {
      this.specs = specs;
      this.outputDir = outputDir;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<List<T>>> part, OutputReceiver<KV<KV<Integer, Integer>, Long>> out)
        throws IOException {
      long[] rows = sortAndWrite(specs, outputDir, part.getKey(), part.getValue(), true);
      for (int s = 0; s < specs.size(); s++) {
        out.output(KV.of(KV.of(s, part.getKey()), rows[s]));
      }
    }
  }

  /** Sorts all elements of a table written whole and writes it in place; emits each table's rows. */
  private static final class WriteWholeFn<T> extends DoFn<KV<Integer, Iterable<List<T>>>, KV<String, Long>> {
    private final List<TableSpec<T>> specs;
    private final String outputDir;

    WriteWholeFn(List<TableSpec<T>> specs, String outputDir) {
      this.specs = specs;
      this.outputDir = outputDir;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<List<T>>> part, OutputReceiver<KV<String, Long>> out)
        throws IOException {
      long[] rows = sortAndWrite(specs, outputDir, part.getKey(), part.getValue(), false);
      for (int s = 0; s < specs.size(); s++) {
        String table = specs.get(s).table().name();
        Metrics.counter("xxgk.rows", table).inc(rows[s]);
        out.output(KV.of(table, rows[s]));
      }
    }
  }

  /** Sorts a part's elements by each spec's order and writes the spec's table of them; returns the rows. */
  private static <T> long[] sortAndWrite(List<TableSpec<T>> specs, String outputDir, int key, Iterable<List<T>> batches,
      boolean inParts) throws IOException {
    List<T> sorted = new ArrayList<>();
    batches.forEach(sorted::addAll);
    long[] rows = new long[specs.size()];
    for (int s = 0; s < specs.size(); s++) {
      TableSpec<T> spec = specs.get(s);
      sorted.sort(spec.order());
      try (TableFileWriter w = inParts ? TableFileWriter.part(spec.table(), outputDir, key)
          : new TableFileWriter(spec.table(), outputDir)) {
        writeRows(spec, sorted, w);
        rows[s] = w.rows();
      }
    }
    return rows;
  }

  /**
   * Once every part is written: puts each table's parts in place (in part order), writes the
   * tables that had no rows (header only), and emits each table's row count.
   */
  private static final class PutInPlaceFn<T> extends DoFn<String, KV<String, Long>> {
    private final List<TableSpec<T>> specs;
    private final String outputDir;
    private final PCollectionView<Iterable<KV<KV<Integer, Integer>, Long>>> written;

    PutInPlaceFn(List<TableSpec<T>> specs, String outputDir, PCollectionView<Iterable<KV<KV<Integer, Integer>, Long>>> written) {
      this.specs = specs;
      this.outputDir = outputDir;
      this.written = written;
    }

    @ProcessElement
    public void process(ProcessContext c) throws IOException {
      Map<Integer, SortedMap<Integer, Long>> parts = new TreeMap<>(); // spec -> part -> rows
      for (KV<KV<Integer, Integer>, Long> p : c.sideInput(written)) {
        parts.computeIfAbsent(p.getKey().getKey(), k -> new TreeMap<>()).put(p.getKey().getValue(), p.getValue());
      }
      for (int s = 0; s < specs.size(); s++) {
        OutputTable table = specs.get(s).table();
        SortedMap<Integer, Long> tableParts = parts.getOrDefault(s, new TreeMap<>());
        if (tableParts.isEmpty()) {
          new TableFileWriter(table, outputDir).close();
        } else {
          TableFileWriter.joinParts(table, outputDir, List.copyOf(tableParts.keySet()));
        }
        long rows = tableParts.values().stream().mapToLong(Long::longValue).sum();
        Metrics.counter("xxgk.rows", table.name()).inc(rows);
        c.output(KV.of(table.name(), rows));
      }
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
