package cn.xxgk.rollup.output;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * How elements of type {@code T} become the rows of one output table: the table, the order of
 * the elements, and the rows of each element (one element may give many rows).
 */
public interface TableSpec<T> extends Serializable {
  OutputTable table();

  Comparator<T> order();

  /** Emits the rows of one element, values in column order. */
  void rows(T element, Consumer<List<Object>> out);
}
