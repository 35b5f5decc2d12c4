package cn.xxgk.rollup.output;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.PCollection;

/**
 * Packs the elements of each bundle into one list. Gathering many small elements under one key
 * (a side input, a single output file) costs the DirectRunner work that grows with the square of
 * the element count, since its in-memory state copies the growing bag for each arrival; a list
 * per bundle makes the gathered elements few and large.
 */
public final class BatchPerBundle<T> extends PTransform<PCollection<T>, PCollection<List<T>>> {
  @Override
  public PCollection<List<T>> expand(PCollection<T> input) {
    Coder<T> coder = input.getCoder();
    return input.apply("ListPerBundle", ParDo.of(new BatchFn<T>())).setCoder(ListCoder.of(coder));
  }

  private static final class BatchFn<T> extends DoFn<T, List<T>> {
    private transient List<T> batch;

    @StartBundle
    public void start() {
      batch = new ArrayList<>();
    }

    @ProcessElement
    public void process(@Element T element) {
      batch.add(element);
    }

    @FinishBundle
    public void finish(FinishBundleContext c) {
      if (!batch.isEmpty()) {
        c.output(batch, BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE);
      }
      batch = null;
    }
  }
}
