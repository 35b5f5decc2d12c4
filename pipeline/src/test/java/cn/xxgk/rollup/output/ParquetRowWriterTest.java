package cn.xxgk.rollup.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

/** The direct writer writes the files parquet-avro writes behind Beam's ParquetIO, byte for byte. */
class ParquetRowWriterTest {
  private static final OutputTable TABLE = new OutputTable("sample", "样例", List.of(
      Column.string("name", "名称", "text"),
      Column.nullableString("note", "备注", "nullable text"),
      Column.int32("year", "年度", "int32"),
      Column.nullable("count", Column.Type.INT64, "件数", "int64"),
      Column.nullable("value", Column.Type.DECIMAL, "数值", "decimal(18,4)"),
      Column.nullable("rate", Column.Type.RATE, "比率", "decimal(18,6)"),
      Column.bool("flag", "标志", "boolean")));

  /** Rows with every type, nulls, negatives, fractions and values around the byte boundaries. */
  private static List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    String[] names = {"淮安市人民政府", "a,b", "", "淮安市人民政府"};
    long[] counts = {0, 1, -1, 127, 128, -128, -129, 32767, 32768, 84881, 999_999_999_999L};
    for (int i = 0; i < 40; i++) {
      long c = counts[i % counts.length];
      rows.add(new Object[] {names[i % names.length], i % 3 == 0 ? null : "备注" + (i % 5), 2021 + i % 4,
          i % 7 == 0 ? null : c, i % 6 == 0 ? null : BigDecimal.valueOf(c),
          i % 5 == 0 ? null : new BigDecimal("0.123456").multiply(BigDecimal.valueOf(i - 20)).setScale(6),
          i % 2 == 0});
    }
    rows.add(new Object[] {"x", null, 2024, 5L, new BigDecimal("12.5"), new BigDecimal("-0.5"), true});
    rows.add(new Object[] {"y", null, 2024, null, new BigDecimal("1.2345"), BigDecimal.ONE, false});
    return rows;
  }

  @Test
  void writesTheBytesOfParquetAvro() throws Exception {
    Schema avro = TABLE.avroSchema();
    ParquetRowWriter direct = new ParquetRowWriter(TABLE);
    for (Object[] row : rows()) {
      Object[] values = row.clone();
      for (int i = 0; i < values.length; i++) {
        if (values[i] instanceof String s) {
          values[i] = ParquetRowWriter.text(s);
        }
      }
      direct.write(values);
    }
    byte[] ours = direct.finish();

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ParquetIO.Sink sink = ParquetIO.sink(avro).withCompressionCodec(CompressionCodecName.SNAPPY);
    sink.open(Channels.newChannel(bytes));
    for (Object[] row : rows()) {
      sink.write(record(avro, row));
    }
    sink.flush();

    assertArrayEquals(ParquetFooter.canonical(bytes.toByteArray()), ParquetFooter.canonical(ours));
  }

  @Test
  void decimalBytesAreAvrosTwosComplement() {
    Conversions.DecimalConversion avro = new Conversions.DecimalConversion();
    Schema bytes = TABLE.avroSchema().getField("value").schema().getTypes().get(1);
    for (long v = -70_000; v <= 70_000; v += 7) {
      for (BigDecimal d : List.of(BigDecimal.valueOf(v), BigDecimal.valueOf(v, 2), BigDecimal.valueOf(v * 1_000_000L),
          BigDecimal.valueOf(v).multiply(BigDecimal.TEN.pow(9)))) {
        ByteBuffer expected = avro.toBytes(d.setScale(4), bytes, bytes.getLogicalType());
        byte[] e = new byte[expected.remaining()];
        expected.get(e);
        assertArrayEquals(e, ParquetRowWriter.decimalBytes(d, 4), d.toPlainString());
      }
    }
  }

  @Test
  void aValueWithMoreDecimalsThanItsColumnIsRefusedNotRounded() {
    assertThrows(ArithmeticException.class, () -> ParquetRowWriter.decimalBytes(new BigDecimal("1.23456"), 4));
  }

  /** The Avro record of a row, as parquet-avro's writer takes it. */
  private static GenericData.Record record(Schema schema, Object[] row) {
    Conversions.DecimalConversion decimals = new Conversions.DecimalConversion();
    GenericData.Record r = new GenericData.Record(schema);
    for (int i = 0; i < row.length; i++) {
      Object v = row[i];
      Column c = TABLE.columns().get(i);
      if (v != null && (c.type() == Column.Type.DECIMAL || c.type() == Column.Type.RATE)) {
        Schema b = schema.getFields().get(i).schema().getTypes().get(1);
        v = decimals.toBytes(((BigDecimal) v).setScale(c.type().scale()), b, b.getLogicalType());
      }
      r.put(i, v);
    }
    return r;
  }
}
