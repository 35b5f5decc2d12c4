package cn.xxgk.rollup.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.xxgk.rollup.model.Reject;
import cn.xxgk.rollup.model.RejectCoder;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteTablesTest {
  @TempDir Path dir;

  /** Rejects whose text needs quoting, neutralising and both, shared instances among them. */
  private static List<Reject> rejects() {
    List<Reject> out = new ArrayList<>();
    String[] names = {"e.txt", "a,b.txt", "=cmd.txt", "c \"q\".txt", "d.txt"};
    for (String n : names) {
      out.add(Reject.of(n, "empty_file", Map.of()));
    }
    return out;
  }

  private void write(Path out, WriteTables<Reject> write, List<Reject> rejects) {
    TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    p.apply(Create.of(rejects).withCoder(RejectCoder.of())).apply(write);
    p.run().waitUntilFinish();
  }

  private void write(Path out, TableSpec<Reject> spec) {
    write(out, WriteTables.to(out.toString(), spec), rejects());
  }

  @Test
  void aTableWrittenInPartsHasTheSameCsvAndRowsAsOneWrittenWhole() throws Exception {
    write(dir.resolve("whole"), Tables.rejectsSpec());
    FileParts twoPerPart = FileParts.of(rejects().stream().map(Reject::sourceFile).toList(), 2);
    write(dir.resolve("parts"), WriteTables.inParts(dir.resolve("parts").toString(), r -> twoPerPart.of(r.sourceFile()),
        Tables.rejectsSpec()), rejects());

    byte[] whole = Files.readAllBytes(dir.resolve("whole/csv/rejects.csv"));
    assertEquals(new String(whole, StandardCharsets.UTF_8), Files.readString(dir.resolve("parts/csv/rejects.csv")));
    assertEquals(List.of("part-00000.parquet", "part-00001.parquet", "part-00002.parquet"), parquetFiles(dir.resolve("parts")));
    try (Stream<Path> csv = Files.list(dir.resolve("parts/csv"))) {
      assertEquals(List.of("rejects.csv"), csv.map(f -> f.getFileName().toString()).toList(), "pieces removed");
    }
    assertEquals(5, ParquetFooter.rows(dir.resolve("parts/parquet/rejects")));
    assertEquals(List.of("=cmd.txt", "a,b.txt", "c \"q\".txt", "d.txt", "e.txt"), sourceFiles(dir.resolve("parts")));
    assertEquals(sourceFiles(dir.resolve("whole")), sourceFiles(dir.resolve("parts")));
  }

  @Test
  void partsWithoutElementsLeaveNoGapInTheNumbering() throws Exception {
    // parts 0, 2 and 4 of five one-file ranges hold the elements: they become parts 0, 1 and 2
    List<Reject> all = rejects();
    FileParts onePerPart = FileParts.of(all.stream().map(Reject::sourceFile).toList(), 1);
    List<Reject> some = all.stream().filter(r -> onePerPart.of(r.sourceFile()) % 2 == 0).toList();
    Path out = dir.resolve("sparse");
    write(out, WriteTables.inParts(out.toString(), r -> onePerPart.of(r.sourceFile()), Tables.rejectsSpec()), some);

    assertEquals(List.of("part-00000.parquet", "part-00001.parquet", "part-00002.parquet"), parquetFiles(out));
    assertEquals(List.of("=cmd.txt", "c \"q\".txt", "e.txt"), sourceFiles(out));
  }

  @Test
  void aTableWithoutElementsIsWrittenWithItsHeader() throws Exception {
    Path out = dir.resolve("empty");
    write(out, WriteTables.inParts(out.toString(), r -> 0, Tables.rejectsSpec()), List.of());

    assertEquals("\ufeffsource_file,reason_code,message_zh,message_en\r\n", Files.readString(out.resolve("csv/rejects.csv")));
    assertEquals(List.of("part-00000.parquet"), parquetFiles(out));
    assertEquals(0, ParquetFooter.rows(out.resolve("parquet/rejects")));
  }

  private static List<String> parquetFiles(Path out) throws Exception {
    try (Stream<Path> parts = Files.list(out.resolve("parquet/rejects"))) {
      return parts.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void csvBytesAreThoseOfTheCommonsCsvPrinter() throws Exception {
    write(dir.resolve("whole"), Tables.rejectsSpec());
    StringWriter expected = new StringWriter().append('\ufeff');
    List<Reject> sorted = new ArrayList<>(rejects());
    sorted.sort(Reject.ORDER);
    try (CSVPrinter printer = new CSVPrinter(expected, CSVFormat.RFC4180.builder()
        .setHeader("source_file", "reason_code", "message_zh", "message_en").get())) {
      for (Reject r : sorted) {
        printer.printRecord(CsvSafety.neutralize(r.sourceFile()), r.reasonCode(), r.messageZh(), r.messageEn());
      }
    }
    String written = Files.readString(dir.resolve("whole/csv/rejects.csv"));
    assertEquals(expected.toString(), written);
    assertFalse(written.contains("\n=cmd"), "a formula file name is neutralised");
  }

  private static List<String> sourceFiles(Path out) throws Exception {
    List<String> files = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT source_file FROM read_parquet('" + out.resolve("parquet/rejects")
            + "/*.parquet', filename = true) ORDER BY filename, file_row_number")) {
      while (rs.next()) {
        files.add(rs.getString(1));
      }
    }
    return files;
  }
}
