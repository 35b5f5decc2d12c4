package cn.xxgk.rollup.output;

import cn.xxgk.rollup.model.ByteBlock;
import cn.xxgk.rollup.model.DecimalCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.util.VarInt;

/**
 * Explicit, deterministic coder of the rows of one output table, from its columns' types: per
 * value a presence byte, then the value (text as UTF-8, integers as varints, decimals by
 * {@link DecimalCoder}); one length-prefixed block per row.
 */
public final class TableRowCoder extends CustomCoder<TableRow> {
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();
  private static final DecimalCoder DECIMAL = DecimalCoder.of();
  private final Column.Type[] types;

  private TableRowCoder(Column.Type[] types) {
    this.types = types;
  }

  public static TableRowCoder of(OutputTable table) {
    return new TableRowCoder(table.columns().stream().map(Column::type).toArray(Column.Type[]::new));
  }

  @Override
  public void encode(TableRow row, OutputStream runnerOut) throws IOException {
    if (row.size() != types.length) {
      throw new IOException("a row of " + row.size() + " values for a table of " + types.length + " columns");
    }
    ByteBlock out = new ByteBlock(16 * types.length);
    for (int i = 0; i < types.length; i++) {
      Object v = row.get(i);
      if (v == null) {
        out.write(0);
        continue;
      }
      out.write(1);
      switch (types[i]) {
        case STRING -> STRING.encode((String) v, out);
        case INT32 -> VarInt.encode(((Number) v).intValue(), out);
        case INT64 -> VarInt.encode(((Number) v).longValue(), out);
        case DECIMAL, RATE -> DECIMAL.encode((BigDecimal) v, out);
        case BOOLEAN -> out.write((Boolean) v ? 1 : 0);
      }
    }
    out.writeTo(runnerOut);
  }

  @Override
  public TableRow decode(InputStream runnerIn) throws IOException {
    InputStream in = ByteBlock.read(runnerIn);
    Object[] values = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      int present = in.read();
      if (present < 0) {
        throw new IOException("truncated row");
      }
      if (present == 0) {
        continue;
      }
      values[i] = switch (types[i]) {
        case STRING -> STRING.decode(in);
        case INT32 -> VarInt.decodeInt(in);
        case INT64 -> VarInt.decodeLong(in);
        case DECIMAL, RATE -> DECIMAL.decode(in);
        case BOOLEAN -> in.read() == 1;
      };
    }
    return new TableRow(values);
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean equals(Object o) {
    return o instanceof TableRowCoder c && Arrays.equals(types, c.types);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(types);
  }
}
