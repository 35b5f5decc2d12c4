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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteTablesTest {
  @TempDir Path dir;

  /** The rejects spec, cut into parts of two elements. */
  private static final class TwoPerPart implements TableSpec<Reject> {
    private final TableSpec<Reject> rejects = Tables.rejectsSpec();

    @Override
    public OutputTable table() {
      return rejects.table();
    }

    @Override
    public Comparator<Reject> order() {
      return rejects.order();
    }

    @Override
    public void rows(Reject r, Consumer<List<Object>> out) {
      rejects.rows(r, out);
    }

    @Override
    public int elementsPerPart() {
      return 2;
    }
  }

  /** Rejects whose text needs quoting, neutralising and both, shared instances among them. */
  private static List<Reject> rejects() {
    List<Reject> out = new ArrayList<>();
    String[] names = {"e.txt", "a,b.txt", "=cmd.txt", "c \"q\".txt", "d.txt"};
    for (String n : names) {
      out.add(Reject.of(n, "empty_file", Map.of()));
    }
    return out;
  }

  private void write(Path out, TableSpec<Reject> spec) {
    TestPipeline p = TestPipeline.create().enableAbandonedNodeEnforcement(false);
    p.apply(Create.of(rejects()).withCoder(RejectCoder.of())).apply(WriteTables.to(out.toString(), spec));
    p.run().waitUntilFinish();
  }

  @Test
  void aTableWrittenInPartsHasTheSameCsvAndRowsAsOneWrittenWhole() throws Exception {
    write(dir.resolve("whole"), Tables.rejectsSpec());
    write(dir.resolve("parts"), new TwoPerPart());

    byte[] whole = Files.readAllBytes(dir.resolve("whole/csv/rejects.csv"));
    assertEquals(new String(whole, StandardCharsets.UTF_8), Files.readString(dir.resolve("parts/csv/rejects.csv")));
    try (Stream<Path> parts = Files.list(dir.resolve("parts/parquet/rejects"))) {
      assertEquals(List.of("part-00000.parquet", "part-00001.parquet", "part-00002.parquet"),
          parts.map(f -> f.getFileName().toString()).sorted().toList());
    }
    try (Stream<Path> csv = Files.list(dir.resolve("parts/csv"))) {
      assertEquals(List.of("rejects.csv"), csv.map(f -> f.getFileName().toString()).toList(), "pieces removed");
    }
    assertEquals(5, ParquetFooter.rows(dir.resolve("parts/parquet/rejects")));
    assertEquals(List.of("=cmd.txt", "a,b.txt", "c \"q\".txt", "d.txt", "e.txt"), sourceFiles(dir.resolve("parts")));
    assertEquals(sourceFiles(dir.resolve("whole")), sourceFiles(dir.resolve("parts")));
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
