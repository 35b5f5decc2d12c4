package cn.xxgk.rollup.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

class TableRowCoderTest {
  @Test
  void rankingRowsComeBackWithTheirTypes() throws Exception {
    TableRowCoder coder = TableRowCoder.of(Tables.rankings());
    List<TableRow> rows = List.of(
        new TableRow(2024, "city", "hongze", "淮安市洪泽区人民政府", "disclosure_rate", new BigDecimal("0.912345"), 1, 40,
            new BigDecimal("100.0000"), "higher_is_better", true),
        new TableRow(-1, "县市区政府", "name:某局", "某局", "requests", null, null, 0, null, "lower_is_better", false));
    for (TableRow r : rows) {
      TableRow back = CoderUtils.clone(coder, r);
      assertEquals(r, back);
      assertEquals(Integer.class, back.get(0).getClass());
    }
  }

  @Test
  void int64AndDecimalColumnsKeepLongsAndScales() throws Exception {
    TableRowCoder coder = TableRowCoder.of(Tables.indicators());
    Object[] values = new Object[Tables.indicators().columns().size()];
    values[0] = 2023;
    values[1] = "agency";
    values[2] = "a";
    values[5] = 1;
    for (int i = 6; i < values.length; i++) {
      Column.Type t = Tables.indicators().columns().get(i).type();
      values[i] = t == Column.Type.INT64 ? (Object) (-3_000_000_000L + i) : new BigDecimal("12.5000").negate();
    }
    TableRow back = CoderUtils.clone(coder, new TableRow(values));
    assertEquals(new TableRow(values), back);
    for (int i = 6; i < values.length; i++) {
      assertEquals(values[i].getClass(), back.get(i).getClass());
      if (values[i] instanceof BigDecimal d) {
        assertEquals(d.scale(), ((BigDecimal) back.get(i)).scale());
      }
    }
  }

  @Test
  void aRowOfTheWrongWidthIsRefused() {
    // CoderUtils wraps the coder's IOException
    Exception e = assertThrows(IllegalArgumentException.class,
        () -> CoderUtils.encodeToByteArray(TableRowCoder.of(Tables.rankings()), new TableRow(1, "x")));
    assertEquals(IOException.class, e.getCause().getClass());
  }
}
