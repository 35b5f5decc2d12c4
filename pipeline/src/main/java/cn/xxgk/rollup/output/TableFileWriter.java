package cn.xxgk.rollup.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.util.Utf8;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.commons.csv.CSVFormat;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes one table's rows, in the order given, to {@code csv/<table>.csv} (UTF-8 with BOM,
 * RFC 4180) and {@code parquet/<table>/part-NNNNN.parquet} under an output directory, through
 * Beam's file systems so the same code writes locally or to a cluster's storage. A large table
 * may be written in parts by several writers ({@link #part}); its CSV is then joined into one
 * file ({@link #joinCsv}). File names are fixed and nothing time-dependent is written, so equal
 * rows give equal bytes.
 */
public final class TableFileWriter implements AutoCloseable {
  public static final String PARQUET_FILE = partName(0);
  private static final char BOM = '\ufeff';

  private static final CSVFormat CSV = CSVFormat.RFC4180;
  private static final byte[] CRLF = {'\r', '\n'};

  private final OutputTable table;
  private final Schema schema;
  private final Column[] columns;
  private final MemoColumns<byte[]> textMemo;
  /** Per column, a text value to its CSV bytes (the first column has no comma before it). */
  private final List<java.util.function.Function<String, byte[]>> textEncoders;
  private final MemoColumns<Utf8> avroMemo;
  private final BufferedOutputStream csv;
  private final ParquetIO.Sink parquet;
  private final ResourceId parquetFile;
  private final java.io.ByteArrayOutputStream parquetBytes;
  private long rows;

  /** Both files of a table written whole: the CSV and Parquet part 0. */
  public TableFileWriter(OutputTable table, String outputDir) throws IOException {
    this(table, outputDir, csvFile(outputDir, table), true, 0);
  }

  /**
   * Part {@code part} of a table written in parts: its Parquet part, and a CSV piece without BOM
   * or header that {@link #joinCsv} puts in place.
   */
  public static TableFileWriter part(OutputTable table, String outputDir, int part) throws IOException {
    return new TableFileWriter(table, outputDir, csvPiece(outputDir, table, part), false, part);
  }

  /** The file name of Parquet part {@code part}. */
  public static String partName(int part) {
    return String.format("part-%05d.parquet", part);
  }

  private static ResourceId csvFile(String outputDir, OutputTable table) {
    return FileSystems.matchNewResource(outputDir, true).resolve("csv", StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(table.name() + ".csv", StandardResolveOptions.RESOLVE_FILE);
  }

  /** The folder of a table's CSV pieces, which only exists while the table is written in parts. */
  private static ResourceId csvPieces(String outputDir, OutputTable table) {
    return FileSystems.matchNewResource(outputDir, true).resolve("csv", StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve("." + table.name() + "-parts", StandardResolveOptions.RESOLVE_DIRECTORY);
  }

  private static ResourceId csvPiece(String outputDir, OutputTable table, int part) {
    return csvPieces(outputDir, table).resolve(String.format("%05d.csv", part), StandardResolveOptions.RESOLVE_FILE);
  }

  /**
   * Writes {@code csv/<table>.csv} of a table written in {@code parts} parts: BOM, header, then
   * the parts' CSV pieces in order, which it deletes.
   */
  public static void joinCsv(OutputTable table, String outputDir, int parts) throws IOException {
    List<ResourceId> pieces = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      pieces.add(csvPiece(outputDir, table, i));
    }
    try (WritableByteChannel out = FileSystems.create(csvFile(outputDir, table), MimeTypes.TEXT)) {
      writeAll(out, java.nio.ByteBuffer.wrap(csvHead(table)));
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 20);
      for (ResourceId piece : pieces) {
        try (java.nio.channels.ReadableByteChannel in = FileSystems.open(piece)) {
          while (in.read(buf) >= 0) {
            buf.flip();
            writeAll(out, buf);
            buf.clear();
          }
        }
      }
    }
    FileSystems.delete(pieces);
    // the emptied folder; object stores have none
    FileSystems.delete(List.of(csvPieces(outputDir, table)), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  /** What a whole CSV file starts with: the BOM (so Excel reads UTF-8) and the header record. */
  private static byte[] csvHead(OutputTable table) throws IOException {
    StringBuilder head = new StringBuilder().append(BOM);
    CSV.printRecord(head, table.columns().stream().map(Column::name).toArray());
    return head.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void writeAll(WritableByteChannel out, java.nio.ByteBuffer buf) throws IOException {
    while (buf.hasRemaining()) {
      out.write(buf);
    }
  }

  private TableFileWriter(OutputTable table, String outputDir, ResourceId csvFile, boolean csvHeader, int part)
      throws IOException {
    this.table = table;
    this.schema = table.avroSchema();
    this.columns = table.columns().toArray(Column[]::new);
    this.textMemo = new MemoColumns<>(columns.length);
    this.textEncoders = new java.util.ArrayList<>(columns.length);
    for (int i = 0; i < columns.length; i++) {
      boolean first = i == 0;
      textEncoders.add(t -> csvBytes(CsvSafety.neutralize(t), first));
    }
    this.avroMemo = new MemoColumns<>(columns.length);
    this.csv = new BufferedOutputStream(Channels.newOutputStream(FileSystems.create(csvFile, MimeTypes.TEXT)), 1 << 16);
    if (csvHeader) {
      csv.write(csvHead(table));
    }
    // Parquet is written to memory first, so that its footer can be put in canonical order
    this.parquetFile = FileSystems.matchNewResource(outputDir, true)
        .resolve("parquet", StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(table.name(), StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(partName(part), StandardResolveOptions.RESOLVE_FILE);
    this.parquetBytes = new java.io.ByteArrayOutputStream();
    this.parquet = ParquetIO.sink(schema).withCompressionCodec(CompressionCodecName.SNAPPY);
    this.parquet.open(Channels.newChannel(parquetBytes));
  }

  /**
   * Writes one row, values in column order. A long table repeats each report's file, agency and
   * category on every one of its rows, and the cell codes on every report: a text value is
   * CSV-quoted and UTF-8-encoded once per distinct instance (a small memo per column), not once
   * per row, which made most of the cost of writing. The bytes are those of commons-csv's
   * RFC 4180 printer.
   */
  public void write(List<Object> row) throws IOException {
    Object[] avro = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      Object v = row.get(i);
      if (v instanceof String text) {
        csv.write(textMemo.get(i, text, textEncoders.get(i)));
        avro[i] = avroMemo.get(i, text, Utf8::new);
      } else {
        String cell = csvCell(v);
        if (cell.isEmpty() && i == 0) {
          csv.write(csvBytes(cell, true)); // an empty first cell is quoted
        } else {
          if (i > 0) {
            csv.write(',');
          }
          for (int k = 0; k < cell.length(); k++) {
            csv.write(cell.charAt(k)); // digits, sign, point, true/false: ASCII, never quoted
          }
        }
        avro[i] = v;
      }
    }
    csv.write(CRLF);
    parquet.write(table.toRecord(schema, Arrays.asList(avro)));
    rows++;
  }

  /** A text cell as the RFC 4180 printer writes it, with the comma before it unless first. */
  private static byte[] csvBytes(String text, boolean first) {
    StringBuilder sb = new StringBuilder(text.length() + 3);
    try {
      CSV.print(text, sb, first);
    } catch (IOException e) {
      throw new IllegalStateException(e); // a StringBuilder does not fail
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Per column, a small identity memo of values already encoded (cleared when it grows). */
  private static final class MemoColumns<V> {
    private static final int MAX = 4096;
    private final java.util.IdentityHashMap<String, V>[] maps;

    @SuppressWarnings("unchecked")
    MemoColumns(int n) {
      maps = new java.util.IdentityHashMap[n];
      for (int i = 0; i < n; i++) {
        maps[i] = new java.util.IdentityHashMap<>();
      }
    }

    V get(int column, String key, java.util.function.Function<String, V> encode) {
      java.util.IdentityHashMap<String, V> m = maps[column];
      V v = m.get(key);
      if (v == null) {
        if (m.size() >= MAX) {
          m.clear();
        }
        v = encode.apply(key);
        m.put(key, v);
      }
      return v;
    }
  }

  public long rows() {
    return rows;
  }

  /** A cell that is not text: a number (decimals without trailing zeros), a boolean, or empty for null. */
  private static String csvCell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof BigDecimal b) {
      // scale 0 is most cells (counts); stripping zeros would only allocate
      return b.scale() == 0 ? b.toPlainString() : b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
    }
    return v.toString();
  }

  @Override
  public void close() throws IOException {
    try {
      csv.close();
    } finally {
      parquet.flush(); // closes the Parquet writer and its in-memory channel
    }
    try (WritableByteChannel channel = FileSystems.create(parquetFile, MimeTypes.BINARY)) {
      writeAll(channel, java.nio.ByteBuffer.wrap(ParquetFooter.canonical(parquetBytes.toByteArray())));
    }
  }
}
