package cn.xxgk.rollup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xxgk.rollup.model.TemplateCatalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole job on real samples and broken files, its outputs read back with DuckDB and as CSV. */
class XxgkRollupTest {
  private static final String HUAIAN = "2024_huaian_city_gov_pdf-layout.txt";
  private static final String JINING = "2024_jining_xingzheng_shenpi_fuwuju_pagetext.txt";
  private static final String FORMULA_AGENCY = "=HYPERLINK(\"x.cn\",\"点此\")";

  /** The PDFs are the same reports as the layout texts; at equal revision, folder and time the later path wins. */
  private static final List<String> SUPERSEDED = List.of(
      "2023_huaian_hongzequ_gov.pdf|2023_huaian_hongzequ_gov_pdf-layout.txt",
      "2024_huaian_city_gov.pdf|sub folder/2024_huaian_city_gov_pdf-layout.txt",
      "2024_huaian_hongzequ_gov.pdf|2024_huaian_hongzequ_gov_pdf-layout.txt");

  @TempDir static Path work;
  static Path input;
  static Path output;
  static String summary;

  @BeforeAll
  static void runTheJob() throws IOException {
    input = work.resolve("input");
    Samples.copyTo(input, Samples.PARSED.stream().filter(s -> !s.equals(HUAIAN)).toArray(String[]::new));
    Samples.copyTo(input.resolve("sub folder"), HUAIAN);
    Files.write(input.resolve("broken.txt"), "2024年政府信息公开工作年度报告\n二、主动公开政府信息情况\n".getBytes(StandardCharsets.UTF_8));
    Files.write(input.resolve("big.txt"), new byte[1_200_000]);
    Files.write(input.resolve(".DS_Store"), new byte[] {0, 1, 2});
    String formula = Samples.text(JINING).replaceFirst("济宁市行政审批服务局", FORMULA_AGENCY);
    Files.write(input.resolve("formula.txt"), formula.getBytes(StandardCharsets.UTF_8));
    // one modification time for every file: then the path decides between versions (below)
    try (Stream<Path> files = Files.walk(input)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(1_700_000_000_000L));
      }
    }
    output = work.resolve("out");
    // the office accepts 洪泽 2024's N1: its text counts only the district office's own applications
    Path waivers = work.resolve("waivers.csv");
    Files.writeString(waivers, "agency_name,year,rule_id,cells,reason,decided_by\n"
        + "淮安市洪泽区人民政府,2024,N1,received_new__total,正文只统计区政府办本级申请,市政务公开办\n");
    summary = run(input, output, "--waivers=" + waivers);
  }

  static String run(Path in, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("--input=" + in, "--output=" + out, "--maxFileBytes=1000000"));
    args.addAll(List.of(extra));
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code = XxgkRollup.run(args.toArray(String[]::new), new PrintStream(stdout, true, StandardCharsets.UTF_8),
        new PrintStream(stderr, true, StandardCharsets.UTF_8));
    assertEquals(XxgkRollup.EXIT_OK, code, stderr.toString(StandardCharsets.UTF_8));
    return stdout.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anEmbeddedFlinkGetsEveryCoreAndNoCopiesUnlessTheCommandLineSaysOtherwise() {
    int cores = Runtime.getRuntime().availableProcessors();
    assertEquals(List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=" + cores, "--fasterCopy=true"),
        List.of(XxgkRollup.withFlinkDefaults(new String[] {"--runner=FlinkRunner", "--flinkMaster=[local]"})));
    assertEquals(List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=1", "--fasterCopy=false"),
        List.of(XxgkRollup.withFlinkDefaults(
            new String[] {"--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=1", "--fasterCopy=false"})));
    // a cluster keeps its own parallelism
    assertEquals(List.of("--runner=FlinkRunner", "--flinkMaster=jobmanager:8081", "--fasterCopy=true"),
        List.of(XxgkRollup.withFlinkDefaults(new String[] {"--runner=FlinkRunner", "--flinkMaster=jobmanager:8081"})));
    assertEquals(List.of("--input=x"), List.of(XxgkRollup.withFlinkDefaults(new String[] {"--input=x"})));
  }

  @Test
  void summaryCountsEveryFile() {
    int parsed = Samples.PARSED.size() + 1; // the samples and formula.txt
    assertTrue(summary.contains((parsed + 2) + " files read, " + parsed + " parsed, 2 rejected; "
        + (parsed - SUPERSEDED.size()) + " current reports, " + SUPERSEDED.size() + " superseded"), summary);
    assertTrue(summary.contains("file_too_large"), summary);
    assertTrue(summary.contains("table_not_found"), summary);
  }

  @Test
  void parquetTablesHaveDecimalAndIntegerTypesInDuckDb() throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
      Map<String, String> reports = describe(st, "reports");
      assertEquals("VARCHAR", reports.get("source_file"));
      assertEquals("INTEGER", reports.get("year"));
      assertEquals("BIGINT", reports.get("received_new__total"));
      assertEquals("BIGINT", reports.get("review_total"));
      assertEquals("DECIMAL(18,4)", reports.get("fee_amount_wan_yuan"));
      assertEquals("INTEGER", reports.get("error_count"));
      assertEquals(9 + 200, reports.size());
      Map<String, String> metrics = describe(st, "metrics");
      assertEquals(List.of("source_file", "agency_id", "agency_name", "category", "year", "table", "item", "applicant", "value", "status"),
          new ArrayList<>(metrics.keySet()));
      assertEquals("DECIMAL(18,4)", metrics.get("value"));
      assertEquals("INTEGER", metrics.get("table"));
      assertEquals("DECIMAL(18,4)", describe(st, "findings").get("difference"));
      assertEquals(List.of("source_file", "reason_code", "message_zh", "message_en"),
          new ArrayList<>(describe(st, "rejects").keySet()));
    }
  }

  @Test
  void everyCellOfEverySampleReadsBackExactlyFromParquet() throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
      for (String sample : Samples.PARSED) {
        String file = sample.equals(HUAIAN) ? "sub folder/" + sample : sample;
        if (SUPERSEDED.stream().anyMatch(s -> s.startsWith(file + "|"))) {
          continue;
        }
        ExpectedReport expected = Samples.expected(sample);
        Map<String, String[]> got = new LinkedHashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT item, applicant, value, status FROM "
            + table("metrics") + " WHERE source_file = '" + file + "'")) {
          while (rs.next()) {
            String code = rs.getString(2).isEmpty() ? rs.getString(1) : rs.getString(1) + "__" + rs.getString(2);
            BigDecimal v = rs.getBigDecimal(3);
            got.put(code, new String[] {v == null ? null : v.stripTrailingZeros().toPlainString(), rs.getString(4)});
          }
        }
        assertEquals(200, got.size(), file);
        for (TemplateCatalog.Cell c : TemplateCatalog.get().cells()) {
          BigDecimal want = expected.value(c.code());
          assertEquals(want == null ? null : want.stripTrailingZeros().toPlainString(), got.get(c.code())[0], file + " " + c.code());
          assertEquals(expected.status(c.code()), got.get(c.code())[1], file + " " + c.code());
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT fee_amount_wan_yuan, received_new__total, agency_name FROM "
          + table("reports") + " WHERE source_file = 'sub folder/" + HUAIAN + "'")) {
        assertTrue(rs.next());
        assertEquals(new BigDecimal("96171.6000"), rs.getBigDecimal(1));
        assertEquals(3119L, rs.getLong(2));
        assertEquals("淮安市人民政府", rs.getString(3));
      }
    }
  }

  @Test
  void rowsAreSortedAndRejectsAndHiddenFilesAreAccountedFor() throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
      List<String> files = new ArrayList<>();
      Samples.PARSED.forEach(s -> files.add(s.equals(HUAIAN) ? "sub folder/" + s : s));
      files.add("formula.txt");
      SUPERSEDED.forEach(s -> files.remove(s.split("\\|")[0]));
      files.sort(null);
      assertEquals(files, column(st, "SELECT source_file FROM " + table("reports")));
      assertEquals(SUPERSEDED.stream().map(s -> s + "|same revision, folder and time: the later path wins").toList(),
          column(st, "SELECT source_file || '|' || replaced_by || '|' || reason FROM " + table("superseded")));
      assertEquals(List.of("big.txt|file_too_large", "broken.txt|table_not_found"),
          column(st, "SELECT source_file || '|' || reason_code FROM " + table("rejects")));
      assertEquals(List.of(String.valueOf(200 * files.size())), column(st, "SELECT count(*) FROM " + table("metrics")));
      assertEquals(List.of(
              "2023_huaian_hongzequ_gov_pdf-layout.txt|R4|error",
              "2023_huaian_hongzequ_gov_pdf-layout.txt|R4|error",
              "2023_suqian_shuyangxian_fagaiju_crawled.html|blank_read_as_zero|warning",
              "2024_huaian_hongzequ_gov_pdf-layout.txt|N1|warning",
              "2024_pingtan_zonghe_shiyanqu_pagetxt.txt|ambiguous_split|warning",
              "2024_shanghai_kewei_pdf2md.txt|blank_cell|warning"),
          column(st, "SELECT source_file || '|' || rule_id || '|' || severity FROM " + table("findings")));
      assertEquals(List.of("2024_huaian_hongzequ_gov_pdf-layout.txt|N1|true|正文只统计区政府办本级申请（市政务公开办）"),
          column(st, "SELECT source_file || '|' || rule_id || '|' || waived || '|' || waiver_reason FROM "
              + table("findings") + " WHERE waived"));
      assertEquals(List.of("2023_huaian_hongzequ_gov_pdf-layout.txt|2|0", "2024_huaian_hongzequ_gov_pdf-layout.txt|0|0"),
          column(st, "SELECT source_file || '|' || error_count || '|' || warning_count FROM " + table("reports")
              + " WHERE source_file LIKE '%hongze%'"));
    }
  }

  @Test
  void csvHasABomHeaderAndTheSameRowsAsParquet() throws Exception {
    byte[] bytes = Files.readAllBytes(output.resolve("csv/metrics.csv"));
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3));
    List<CSVRecord> csv = readCsv("metrics");
    assertEquals(200 * (Samples.PARSED.size() + 1 - SUPERSEDED.size()), csv.size());
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
      List<String> parquet = column(st, "SELECT source_file || '|' || item || '|' || applicant || '|' || "
          + "coalesce(CAST(value AS VARCHAR), '') || '|' || status FROM " + table("metrics"));
      List<String> fromCsv = new ArrayList<>();
      for (CSVRecord r : csv) {
        String v = r.get("value").isEmpty() ? "" : new BigDecimal(r.get("value")).setScale(4).toPlainString();
        fromCsv.add(r.get("source_file") + "|" + r.get("item") + "|" + r.get("applicant") + "|" + v + "|" + r.get("status"));
      }
      assertEquals(parquet, fromCsv);
    }
  }

  @Test
  void aFormulaLikeAgencyNameIsNeutralisedInCsvButKeptInParquet() throws Exception {
    CSVRecord row = readCsv("reports").stream().filter(r -> r.get("source_file").equals("formula.txt")).findFirst().orElseThrow();
    assertEquals("'" + FORMULA_AGENCY, row.get("agency_name"));
    assertEquals("84881", row.get("licensing_decisions"));
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
      assertEquals(List.of(FORMULA_AGENCY), column(st, "SELECT agency_name FROM " + table("reports") + " WHERE source_file = 'formula.txt'"));
    }
  }

  @Test
  void twoRunsOnTheSameInputWriteTheSameBytes() throws IOException {
    Path again = work.resolve("again");
    run(input, again, "--waivers=" + work.resolve("waivers.csv"));
    // every data table but changes; the manifest is the one file with times in it
    List<Path> first = files(output.toRealPath()).stream()
        .filter(p -> !p.toString().contains("changes") && !p.toString().equals("manifest.json")).toList();
    assertEquals(23, first.size()); // 10 tables, CSV and Parquet each, rankings in 3 parts (a year each), and _SUCCESS
    for (Path rel : first) {
      assertArrayEquals(Files.readAllBytes(output.resolve(rel)), Files.readAllBytes(again.resolve(rel)), rel.toString());
    }
  }

  @Test
  void exitCodesForNoInputAndBadOptions() throws IOException {
    Path empty = Files.createDirectories(work.resolve("empty"));
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertEquals(XxgkRollup.EXIT_NO_INPUT, XxgkRollup.run(new String[] {"--input=" + empty, "--output=" + work.resolve("x")}, sink, sink));
    assertEquals(XxgkRollup.EXIT_USAGE, XxgkRollup.run(new String[] {"--noSuchOption=1"}, sink, sink));
    assertEquals(XxgkRollup.EXIT_USAGE, XxgkRollup.run(new String[] {"--maxFileBytes=lots"}, sink, sink));
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }

  private static List<CSVRecord> readCsv(String name) throws IOException {
    try (Reader r = Files.newBufferedReader(output.resolve("csv/" + name + ".csv"), StandardCharsets.UTF_8)) {
      r.read(); // the BOM
      try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        return p.getRecords();
      }
    }
  }

  private static String table(String name) {
    return "read_parquet('" + output.resolve("parquet/" + name + "/*.parquet") + "')";
  }

  private static Map<String, String> describe(Statement st, String name) throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + table(name))) {
      while (rs.next()) {
        types.put(rs.getString("column_name"), rs.getString("column_type"));
      }
    }
    return types;
  }

  private static List<String> column(Statement st, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
