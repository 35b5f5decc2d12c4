package cn.xxgk.rollup.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.commons.csv.CSVFormat;
import org.apache.parquet.io.api.Binary;

/**
 * Writes one table's rows, in the order given, to {@code csv/<table>.csv} (UTF-8 with BOM,
 * RFC 4180) and {@code parquet/<table>/part-NNNNN.parquet} under an output directory, through
 * Beam's file systems so the same code writes locally or to a cluster's storage. A large table
 * may be written in parts by several writers ({@link #part}); they are then put in place, the CSV
 * joined into one file ({@link #joinParts}). File names are fixed and nothing time-dependent is written, so equal
 * rows give equal bytes.
 */
public final class TableFileWriter implements AutoCloseable {
  public static final String PARQUET_FILE = partName(0);
  private static final char BOM = '\ufeff';

  private static final CSVFormat CSV = CSVFormat.RFC4180;
  private static final byte[] CRLF = {'\r', '\n'};

  private final OutputTable table;
  private final Column[] columns;
  private final MemoColumns<byte[]> textMemo;
  /** Per column, a text value to its CSV bytes (the first column has no comma before it). */
  private final List<java.util.function.Function<String, byte[]>> textEncoders;
  private final MemoColumns<Binary> parquetMemo;
  private final BufferedOutputStream csv;
  private final ParquetRowWriter parquet;
  private final ResourceId parquetFile;
  private long rows;

  /** Both files of a table written whole: the CSV and Parquet part 0. */
  public TableFileWriter(OutputTable table, String outputDir) throws IOException {
    this(table, csvFile(outputDir, table), true, parquetPart(outputDir, table, PARQUET_FILE));
  }

  /**
   * Part {@code key} of a table written in parts: a Parquet file and a CSV piece without BOM or
   * header, under names that {@link #joinParts} replaces once every part is written.
   */
  public static TableFileWriter part(OutputTable table, String outputDir, int key) throws IOException {
    return new TableFileWriter(table, piece(outputDir, table, key, ".csv"), false,
        piece(outputDir, table, key, ".parquet"));
  }

  /** The file name of Parquet part {@code part}. */
  public static String partName(int part) {
    return String.format("part-%05d.parquet", part);
  }

  private static ResourceId csvFile(String outputDir, OutputTable table) {
    return FileSystems.matchNewResource(outputDir, true).resolve("csv", StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(table.name() + ".csv", StandardResolveOptions.RESOLVE_FILE);
  }

  private static ResourceId parquetPart(String outputDir, OutputTable table, String fileName) {
    return FileSystems.matchNewResource(outputDir, true).resolve("parquet", StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(table.name(), StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve(fileName, StandardResolveOptions.RESOLVE_FILE);
  }

  /** The folder of a table's pieces, which only exists while the table is written in parts. */
  private static ResourceId pieces(String outputDir, OutputTable table) {
    return FileSystems.matchNewResource(outputDir, true).resolve("csv", StandardResolveOptions.RESOLVE_DIRECTORY)
        .resolve("." + table.name() + "-parts", StandardResolveOptions.RESOLVE_DIRECTORY);
  }

  private static ResourceId piece(String outputDir, OutputTable table, int key, String extension) {
    return pieces(outputDir, table).resolve(String.format("%05d%s", key, extension), StandardResolveOptions.RESOLVE_FILE);
  }

  /**
   * Puts in place a table written as the parts {@code keys} (ascending): {@code csv/<table>.csv}
   * (BOM, header, then the CSV pieces in order) and the Parquet parts, renamed
   * {@code part-00000.parquet} onwards in the same order; the pieces' folder is removed.
   */
  public static void joinParts(OutputTable table, String outputDir, List<Integer> keys) throws IOException {
    List<ResourceId> csvPieces = new ArrayList<>();
    List<ResourceId> parquetPieces = new ArrayList<>();
    List<ResourceId> parquetParts = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      csvPieces.add(piece(outputDir, table, keys.get(i), ".csv"));
      parquetPieces.add(piece(outputDir, table, keys.get(i), ".parquet"));
      parquetParts.add(parquetPart(outputDir, table, partName(i)));
    }
    try (WritableByteChannel out = FileSystems.create(csvFile(outputDir, table), MimeTypes.TEXT)) {
      writeAll(out, java.nio.ByteBuffer.wrap(csvHead(table)));
      java.nio.ByteBuffer buf = null;
      for (ResourceId piece : csvPieces) {
        try (java.nio.channels.ReadableByteChannel in = FileSystems.open(piece)) {
          if (in instanceof FileChannel file) {
            // a local file: copied by the kernel, not through the heap (the joined metrics of
            // 20,000 reports are 480 MB, copied by one worker after all parts are written)
            for (long at = 0, size = file.size(); at < size; ) {
              long n = file.transferTo(at, size - at, out);
              if (n <= 0) {
                throw new IOException("a part of " + table.name() + " shrank while it was joined: " + piece);
              }
              at += n;
            }
            continue;
          }
          buf = buf != null ? buf : java.nio.ByteBuffer.allocate(1 << 20);
          while (in.read(buf) >= 0) {
            buf.flip();
            writeAll(out, buf);
            buf.clear();
          }
        }
      }
    }
    FileSystems.delete(csvPieces);
    FileSystems.rename(parquetPieces, parquetParts);
    // the emptied folder; object stores have none
    FileSystems.delete(List.of(pieces(outputDir, table)), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
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

  private TableFileWriter(OutputTable table, ResourceId csvFile, boolean csvHeader, ResourceId parquetFile)
      throws IOException {
    this.table = table;
    this.columns = table.columns().toArray(Column[]::new);
    this.textMemo = new MemoColumns<>(columns.length);
    this.textEncoders = new java.util.ArrayList<>(columns.length);
    for (int i = 0; i < columns.length; i++) {
      boolean first = i == 0;
      textEncoders.add(t -> csvBytes(CsvSafety.neutralize(t), first));
    }
    this.parquetMemo = new MemoColumns<>(columns.length);
    this.csv = new BufferedOutputStream(Channels.newOutputStream(FileSystems.create(csvFile, MimeTypes.TEXT)), 1 << 16);
    if (csvHeader) {
      csv.write(csvHead(table));
    }
    // Parquet is written to memory first, so that its footer can be put in canonical order
    this.parquetFile = parquetFile;
    this.parquet = new ParquetRowWriter(table);
  }

  /**
   * Writes one row, values in column order. A long table repeats each report's file, agency and
   * category on every one of its rows, and the cell codes on every report: a text value is
   * CSV-quoted and UTF-8-encoded once per distinct instance (a small memo per column), not once
   * per row, which made most of the cost of writing. The bytes are those of commons-csv's
   * RFC 4180 printer.
   */
  public void write(List<Object> row) throws IOException {
    Object[] values = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      Object v = row.get(i);
      if (v instanceof String text) {
        csv.write(textMemo.get(i, text, textEncoders.get(i)));
        values[i] = parquetMemo.get(i, text, ParquetRowWriter::text);
      } else {
        if (v == null && !columns[i].nullable()) {
          throw new IllegalArgumentException(table.name() + "." + columns[i].name() + " must not be null");
        }
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
        values[i] = v;
      }
    }
    csv.write(CRLF);
    parquet.write(values);
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
    } catch (IOException e) {
      parquet.close();
      throw e;
    }
    byte[] file = parquet.finish();
    try (WritableByteChannel channel = FileSystems.create(parquetFile, MimeTypes.BINARY)) {
      writeAll(channel, java.nio.ByteBuffer.wrap(ParquetFooter.canonical(file)));
    }
  }
}
