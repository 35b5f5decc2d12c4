package cn.xxgk.rollup.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes a table's rows (values in column order) to a Parquet file in memory, with the same
 * schema, settings and footer metadata as parquet-avro's writer behind Beam's
 * {@code ParquetIO.Sink}, so the files are those Avro-based readers expect, byte for byte
 * ({@code ParquetRowWriterTest}). It writes each value straight to Parquet's record consumer:
 * building an Avro record per row and resolving its schema per value was a fifth of the time of
 * writing the 3.9 million rows of metrics at 20,000 reports.
 */
final class ParquetRowWriter implements AutoCloseable {
  /** parquet-avro's metadata key for the Avro schema, which Avro-based readers look for. */
  private static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";
  /** ParquetIO.Sink's row group size (its default): every table here is one row group per part. */
  private static final int ROW_GROUP_BYTES = 128 * 1024 * 1024;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final ParquetWriter<Object[]> writer;

  ParquetRowWriter(OutputTable table) throws IOException {
    Schema avroSchema = table.avroSchema();
    Configuration conf = new Configuration();
    MessageType schema = new AvroSchemaConverter(conf).convert(avroSchema);
    Column.Type[] types = table.columns().stream().map(Column::type).toArray(Column.Type[]::new);
    String[] names = table.columns().stream().map(Column::name).toArray(String[]::new);
    RowWriteSupport support = new RowWriteSupport(schema, Map.of(AVRO_SCHEMA_KEY, avroSchema.toString()), names, types);
    this.writer = new Builder(new MemoryFile(bytes), support)
        .withConf(conf)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .withRowGroupSize(ROW_GROUP_BYTES)
        .build();
  }

  /**
   * Writes one row. Values by column type: STRING a {@link Binary} (see {@link #text}), INT32 and
   * INT64 a {@link Number}, BOOLEAN a {@link Boolean}, DECIMAL and RATE a {@link BigDecimal}; null
   * for an absent value of a nullable column.
   */
  void write(Object[] row) throws IOException {
    writer.write(row);
  }

  /** A text value as Parquet stores it (UTF-8); callers memoize it for repeated values. */
  static Binary text(String s) {
    return Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Closes the writer (footer written) and returns the file's bytes. */
  byte[] finish() throws IOException {
    writer.close();
    return bytes.toByteArray();
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  /**
   * The two's-complement big-endian bytes of a decimal's unscaled value at a column's scale, as
   * Avro's decimal conversion writes them ({@code BigInteger.toByteArray}). Counts (scale 0, and
   * the cell values are mostly that) take a path without BigInteger. setScale never rounds: the
   * parsers accept at most DECIMAL_SCALE decimals and rates are computed at RATE_SCALE, so a value
   * that does not fit is a bug, and it throws.
   */
  static byte[] decimalBytes(BigDecimal v, int scale) {
    if (v.scale() == 0 && v.precision() <= 12) {
      long unscaled = v.longValue() * TEN_POWERS[scale];
      int bits = 64 - Long.numberOfLeadingZeros(unscaled >= 0 ? unscaled : ~unscaled);
      byte[] out = new byte[bits / 8 + 1];
      for (int i = out.length - 1; i >= 0; i--) {
        out[i] = (byte) unscaled;
        unscaled >>= 8;
      }
      return out;
    }
    BigInteger unscaled = v.setScale(scale).unscaledValue();
    return unscaled.toByteArray();
  }

  private static final long[] TEN_POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  /** Emits one row's fields to Parquet's record consumer; nulls are left out (optional fields). */
  private static final class RowWriteSupport extends WriteSupport<Object[]> {
    private final MessageType schema;
    private final Map<String, String> metadata;
    private final String[] names;
    private final Column.Type[] types;
    private RecordConsumer out;

    RowWriteSupport(MessageType schema, Map<String, String> metadata, String[] names, Column.Type[] types) {
      this.schema = schema;
      this.metadata = metadata;
      this.names = names;
      this.types = types;
    }

    @Override
    public String getName() {
      return "avro"; // the writer model parquet-avro records; the files are its files
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(schema, new java.util.HashMap<>(metadata));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.out = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
      out.startMessage();
      for (int i = 0; i < types.length; i++) {
        Object v = row[i];
        if (v == null) {
          continue;
        }
        out.startField(names[i], i);
        switch (types[i]) {
          case STRING -> out.addBinary((Binary) v);
          case INT32 -> out.addInteger(((Number) v).intValue());
          case INT64 -> out.addLong(v instanceof BigDecimal b ? b.longValueExact() : ((Number) v).longValue());
          case BOOLEAN -> out.addBoolean((Boolean) v);
          case DECIMAL, RATE -> out.addBinary(Binary.fromConstantByteArray(decimalBytes((BigDecimal) v, types[i].scale())));
        }
        out.endField(names[i], i);
      }
      out.endMessage();
    }
  }

  private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
    private final RowWriteSupport support;

    Builder(OutputFile file, RowWriteSupport support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
      return support;
    }
  }

  /** A Parquet output file in memory: the footer is put in canonical order before it is stored. */
  private record MemoryFile(ByteArrayOutputStream bytes) implements OutputFile {
    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return createOrOverwrite(blockSizeHint);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      bytes.reset();
      return new PositionOutputStream() {
        @Override
        public long getPos() {
          return bytes.size();
        }

        @Override
        public void write(int b) {
          bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          bytes.write(b, off, len);
        }
      };
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }
}
