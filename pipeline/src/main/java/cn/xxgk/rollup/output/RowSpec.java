package cn.xxgk.rollup.output;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/** Writes {@link TableRow}s of a table, sorted by key columns (nulls first). */
public record RowSpec(OutputTable table, List<String> sortColumns) implements TableSpec<TableRow> {
  @Override
  @SuppressWarnings("unchecked")
  public Comparator<TableRow> order() {
    Comparator<TableRow> c = (a, b) -> 0;
    for (String column : sortColumns) {
      int i = table.indexOf(column);
      c = c.thenComparing(r -> (Comparable<Object>) r.get(i), Comparator.nullsFirst(Comparator.naturalOrder()));
    }
    return c;
  }

  @Override
  public void rows(TableRow row, Consumer<List<Object>> out) {
    out.accept(row.values());
  }
}
