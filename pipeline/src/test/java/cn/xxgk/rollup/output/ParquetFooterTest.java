package cn.xxgk.rollup.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetFooterTest {
  @TempDir Path dir;

  @Test
  void encodingsInAnyOrderGiveTheSameBytes() throws Exception {
    try (TableFileWriter w = new TableFileWriter(Tables.rejects(), dir.toString())) {
      w.write(Arrays.asList("a.txt", "empty_file", "空", "empty"));
      w.write(Arrays.asList("b.txt", "empty_file", "空", "empty"));
    }
    byte[] written = Files.readAllBytes(dir.resolve("parquet/rejects/part-00000.parquet"));
    byte[] reordered = withEncodingsReversed(written);
    assertFalse(Arrays.equals(written, reordered), "the test must really change the footer");
    assertArrayEquals(written, ParquetFooter.canonical(reordered));
    assertArrayEquals(written, ParquetFooter.canonical(written));
  }

  private static byte[] withEncodingsReversed(byte[] file) throws Exception {
    int n = file.length;
    int len = ByteBuffer.wrap(file, n - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(file, n - 8 - len, len));
    for (ColumnChunk c : meta.getRow_groups().get(0).getColumns()) {
      List<org.apache.parquet.format.Encoding> e = c.getMeta_data().getEncodings();
      assertEquals(true, e.size() >= 2, "a column with several encodings");
      Collections.reverse(e);
    }
    ByteArrayOutputStream footer = new ByteArrayOutputStream();
    Util.writeFileMetaData(meta, footer);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(file, 0, n - 8 - len);
    footer.writeTo(out);
    out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.size()).array());
    out.write(new byte[] {'P', 'A', 'R', '1'});
    return out.toByteArray();
  }
}
