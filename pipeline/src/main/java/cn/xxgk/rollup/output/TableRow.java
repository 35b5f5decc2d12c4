package cn.xxgk.rollup.output;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One row of an output table, its values in the table's column order: String, Integer (INT32),
 * Long (INT64), BigDecimal (DECIMAL, RATE), Boolean, or null. The rollups' rows travel as these,
 * with {@link TableRowCoder}: Beam's schema rows cost this pipeline a tenth of its time (a
 * generated coder per schema, and Beam's BigDecimalCoder, which formats a message on every call).
 */
public final class TableRow {
  private final Object[] values;

  public TableRow(Object... values) {
    this.values = values.clone();
  }

  public Object get(int column) {
    return values[column];
  }

  public int size() {
    return values.length;
  }

  /** The values in column order, read-only. */
  public List<Object> values() {
    return Collections.unmodifiableList(Arrays.asList(values));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TableRow r && Arrays.equals(values, r.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
