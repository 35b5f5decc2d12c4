package cn.xxgk.rollup.output;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Comparator;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Puts a Parquet file's footer in a canonical order. parquet-java collects each column's
 * encodings in a HashSet of enums, whose order follows identity hash codes and so changes from
 * one JVM to the next: the same rows gave files that differed in two footer bytes between runs
 * (and between the DirectRunner and Flink). Sorting those lists makes equal tables equal bytes.
 */
final class ParquetFooter {
  private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

  private ParquetFooter() {}

  /**
   * The rows of a table as its Parquet files' footers state them (every {@code .parquet} file of
   * {@code parquet/<table>/}): cheap at any size, where counting the CSV means parsing it all.
   */
  static long rows(java.nio.file.Path tableDir) throws IOException {
    if (!java.nio.file.Files.isDirectory(tableDir)) {
      return 0;
    }
    long rows = 0;
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(tableDir)) {
      for (java.nio.file.Path f : files.filter(x -> x.toString().endsWith(".parquet")).sorted().toList()) {
        rows += footer(f).getNum_rows();
      }
    }
    return rows;
  }

  private static FileMetaData footer(java.nio.file.Path file) throws IOException {
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
      long n = ch.size();
      ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, tail, n - 8);
      int footerLength = tail.getInt(0);
      if (n < 12 + (long) footerLength || tail.get(4) != MAGIC[0] || tail.get(7) != MAGIC[3]) {
        throw new IOException(file + " is not a Parquet file");
      }
      ByteBuffer footer = ByteBuffer.allocate(footerLength);
      readFully(ch, footer, n - 8 - footerLength);
      return Util.readFileMetaData(new ByteArrayInputStream(footer.array()));
    }
  }

  private static void readFully(java.nio.channels.FileChannel ch, ByteBuffer buf, long position) throws IOException {
    while (buf.hasRemaining()) {
      if (ch.read(buf, position + buf.position()) < 0) {
        throw new IOException("unexpected end of file");
      }
    }
  }

  static byte[] canonical(byte[] file) throws IOException {
    int n = file.length;
    int footerLength = ByteBuffer.wrap(file, n - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    int footerStart = n - 8 - footerLength;
    FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(file, footerStart, footerLength));
    for (RowGroup group : meta.getRow_groups()) {
      for (ColumnChunk chunk : group.getColumns()) {
        ColumnMetaData column = chunk.getMeta_data();
        column.getEncodings().sort(Comparator.comparingInt(e -> e.getValue()));
        if (column.getEncoding_stats() != null) {
          column.getEncoding_stats().sort(Comparator.comparingInt((PageEncodingStats s) -> s.getPage_type().getValue())
              .thenComparingInt(s -> s.getEncoding().getValue()));
        }
      }
    }
    ByteArrayOutputStream footer = new ByteArrayOutputStream();
    Util.writeFileMetaData(meta, footer);
    ByteArrayOutputStream out = new ByteArrayOutputStream(n);
    out.write(file, 0, footerStart);
    footer.writeTo(out);
    out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.size()).array());
    out.write(MAGIC);
    return out.toByteArray();
  }
}
