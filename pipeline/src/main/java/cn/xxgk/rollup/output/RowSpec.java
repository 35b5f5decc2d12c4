package cn.xxgk.rollup.output;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.values.Row;

/** Writes Beam {@link Row}s of a table whose schema is the table's; sorted by key columns. */
public record RowSpec(OutputTable table, List<String> sortColumns) implements TableSpec<Row> {
  @Override
  public Comparator<Row> order() {
    Comparator<Row> c = (a, b) -> 0;
    for (String column : sortColumns) {
      int i = table.indexOf(column);
      c = c.thenComparing(r -> (Comparable<Object>) r.getValue(i), Comparator.nullsFirst(Comparator.naturalOrder()));
    }
    return c;
  }

  @Override
  public void rows(Row row, Consumer<List<Object>> out) {
    out.accept(new ArrayList<>(row.getValues()));
  }
}
