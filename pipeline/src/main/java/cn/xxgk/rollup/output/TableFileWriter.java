package cn.xxgk.rollup.output;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes one table's rows, in the order given, to {@code csv/<table>.csv} (UTF-8 with BOM,
 * RFC 4180) and {@code parquet/<table>/part-00000.parquet} under an output directory, through
 * Beam's file systems so the same code writes locally or to a cluster's storage. File names are
 * fixed and nothing time-dependent is written, so equal rows give equal bytes.
 */
public final class TableFileWriter implements AutoCloseable {
  public static final String PARQUET_FILE = "part-00000.parquet";
  private static final char BOM = '\ufeff';

  private final OutputTable table;
  private final Schema schema;
  private final CSVPrinter csv;
  private final ParquetIO.Sink parquet;
  private final ResourceId parquetFile;
  private final java.io.ByteArrayOutputStream parquetBytes;
  private long rows;

  public TableFileWriter(OutputTable table, String outputDir) throws IOException {
    this.table = table;
    this.schema = table.avroSchema();
    ResourceId dir = FileSystems.matchNewResource(outputDir, true);
    ResourceId csvFile = dir.resolve("csv", org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(table.name() + ".csv", org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
    ResourceId parquetFile = dir.resolve("parquet", org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(table.name(), org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(PARQUET_FILE, org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_FILE);

    Writer w = new OutputStreamWriter(Channels.newOutputStream(FileSystems.create(csvFile, MimeTypes.TEXT)), StandardCharsets.UTF_8);
    w.write(BOM);
    List<String> header = new ArrayList<>();
    table.columns().forEach(c -> header.add(c.name()));
    this.csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());

    // Parquet is written to memory first, so that its footer can be put in canonical order
    this.parquetFile = parquetFile;
    this.parquetBytes = new java.io.ByteArrayOutputStream();
    this.parquet = ParquetIO.sink(schema).withCompressionCodec(CompressionCodecName.SNAPPY);
    this.parquet.open(Channels.newChannel(parquetBytes));
  }

  public void write(List<Object> row) throws IOException {
    List<Column> cols = table.columns();
    Object[] cells = new Object[cols.size()];
    for (int i = 0; i < cols.size(); i++) {
      cells[i] = csvCell(cols.get(i), row.get(i));
    }
    csv.printRecord(cells);
    parquet.write(table.toRecord(schema, row));
    rows++;
  }

  public long rows() {
    return rows;
  }

  private static String csvCell(Column c, Object v) {
    if (v == null) {
      return "";
    }
    if (c.type() == Column.Type.STRING) {
      return CsvSafety.neutralize((String) v);
    }
    if (v instanceof BigDecimal b) {
      return b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
    }
    return v.toString();
  }

  @Override
  public void close() throws IOException {
    try {
      csv.close(true);
    } finally {
      parquet.flush(); // closes the Parquet writer and its in-memory channel
    }
    try (WritableByteChannel channel = FileSystems.create(parquetFile, MimeTypes.BINARY)) {
      channel.write(java.nio.ByteBuffer.wrap(ParquetFooter.canonical(parquetBytes.toByteArray())));
    }
  }
}
