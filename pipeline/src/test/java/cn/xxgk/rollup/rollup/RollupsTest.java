package cn.xxgk.rollup.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.xxgk.rollup.Samples;
import cn.xxgk.rollup.XxgkRollup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * City and category totals, indicators, rankings, reconciliation, missing and unknown agencies on
 * a small city: real 2024 samples plus 清江浦区, built from 洪泽区's report (same figures, so its
 * ranks tie with 洪泽). Every expected figure below is computed by hand from the source reports.
 */
class RollupsTest {
  private static final String HONGZE = "2024_huaian_hongzequ_gov_pdf-layout.txt";
  private static final String REGISTRY = "agency_id,agency_name,aliases,category,parent_id,is_aggregate\n"
      + "huaian,淮安市人民政府,,市政府,,true\n"
      + "hongze,淮安市洪泽区人民政府,洪泽区人民政府,县市区政府,huaian,false\n"
      + "qingjiangpu,淮安市清江浦区人民政府,,县市区政府,huaian,false\n"
      + "lianshui,涟水县人民政府,,县市区政府,huaian,false\n"
      + "jining,济宁市行政审批服务局,,市直部门,,false\n";

  @TempDir static Path work;
  static Path out;
  static Path outExcluding;

  @BeforeAll
  static void run() throws IOException {
    Path input = work.resolve("in");
    Samples.copyTo(input, HONGZE, "2024_huaian_city_gov_pdf-layout.txt",
        "2024_jining_xingzheng_shenpi_fuwuju_pagetext.txt", "2024_shanghai_kewei_pdf2md.txt");
    Files.writeString(input.resolve("qingjiangpu.txt"),
        Samples.text(HONGZE).replace("淮安市洪泽区人民政府", "淮安市清江浦区人民政府"));
    Path registry = work.resolve("agencies.csv");
    Files.writeString(registry, REGISTRY);
    out = work.resolve("out");
    runJob(input, out, "--registry=" + registry, "--minSample=2");

    // the same city where 清江浦's table breaks R2, without the reports that have errors
    Path broken = work.resolve("broken");
    Samples.copyTo(broken, HONGZE, "2024_jining_xingzheng_shenpi_fuwuju_pagetext.txt");
    Files.writeString(broken.resolve("qingjiangpu.txt"), Samples.text(HONGZE)
        .replace("淮安市洪泽区人民政府", "淮安市清江浦区人民政府")
        .replace("（一）予以公开                    50    0         0     0   0   0     50",
            "（一）予以公开                    50    0         0     0   0   0     51"));
    outExcluding = work.resolve("out-excluding");
    runJob(broken, outExcluding, "--registry=" + registry, "--onInvalid=exclude");
  }

  static void runJob(Path in, Path to, String... extra) {
    List<String> args = new ArrayList<>(List.of("--input=" + in, "--output=" + to));
    args.addAll(List.of(extra));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertEquals(0, XxgkRollup.run(args.toArray(String[]::new), sink, new PrintStream(err, true, StandardCharsets.UTF_8)),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void cityTotalsSumTheIncludedReportsAndNeverTheAggregate() throws Exception {
    // 洪泽 95 + 清江浦 95 + 济宁 27 + 上海 34 = 251 (淮安市's 3119 is an aggregate: not added);
    // fee 7545 + 7545 + 0 + 0; 予以公开 by natural persons 50 + 50 + 17 + 9; 不掌握 31 + 31 + 4 + 4
    assertEquals(List.of("2024|4|4|4|0|1|29|251|15090.0000|126|70"), query(out,
        "SELECT year || '|' || reports_expected || '|' || reports_received || '|' || reports_included || '|' "
            + "|| reports_excluded || '|' || aggregate_reports || '|' || cells_not_ok || '|' || received_new__total "
            + "|| '|' || fee_amount_wan_yuan || '|' || granted__natural_person || '|' || unavailable_not_held__total "
            + "FROM " + table(out, "rollup_city")));
    // cells_not_ok: 洪泽 and 清江浦 each print （六） as one row (14 absent cells), 上海 has one blank
  }

  @Test
  void categoryTotals() throws Exception {
    // 市政府 has only the aggregate report: counted, nothing summed
    assertEquals(List.of("unknown|34|1|0|0", "县市区政府|190|2|3|0", "市政府|null|0|0|1", "市直部门|27|1|1|0"), query(out,
        "SELECT category || '|' || coalesce(CAST(received_new__total AS VARCHAR), 'null') || '|' || reports_received "
            + "|| '|' || reports_expected || '|' || aggregate_reports FROM " + table(out, "rollup_category")
            + " ORDER BY category"));
  }

  @Test
  void everyIndicatorFormula() throws Exception {
    // 洪泽: (50+9)/95, 31/95, 0/(95+0), 1/(2-0), 0/(1+3), (2+1+3)/95, 9487, 0 errors
    assertEquals(List.of("95|0.621053|0.326316|0.000000|0.500000|0.000000|0.063158|9487|0"), indicators("hongze"));
    // 济宁: (18+5)/27, 4/27, 0/27; no reviews or suits: the correction rates have a zero denominator
    assertEquals(List.of("27|0.851852|0.148148|0.000000|null|null|0.000000|84881|0"), indicators("jining"));
    // 上海市科委 (not in this registry): 9/35, 4/35; its 结转下年度 total is blank, so the carry-over
    // rate is unknown, not 0; 0/(1-0); no suits; 1/34
    assertEquals(List.of("34|0.257143|0.114286|null|0.000000|null|0.029412|97|0"), indicators("name:上海市科委"));
    // the city: (59+59+23+9) / (95+95+27+35) = 150/252
    assertEquals(List.of("251|0.595238"), query(out, "SELECT applications_received || '|' || disclosure_rate FROM "
        + table(out, "indicators") + " WHERE scope_type = 'city'"));
  }

  @Test
  void ranksWithTiesAndPercentiles() throws Exception {
    assertEquals(List.of(
            "jining|1|4|100.0000", "hongze|2|4|33.3333", "qingjiangpu|2|4|33.3333", "name:上海市科委|4|4|0.0000"),
        query(out, "SELECT agency_id || '|' || rank || '|' || rank_of || '|' || percentile FROM "
            + table(out, "rankings") + " WHERE scope = 'city' AND indicator = 'disclosure_rate' ORDER BY rank, agency_id"));
  }

  @Test
  void aRateRanksOnlyAgenciesWithEnoughSample() throws Exception {
    // --minSample=2: reviews decided (total - pending) are 2 for 洪泽 and 清江浦, 1 for 上海, 0 for 济宁
    assertEquals(List.of("hongze|1|2|0.0000|true", "qingjiangpu|1|2|0.0000|true",
            "jining|null|2|null|false", "name:上海市科委|null|2|null|false"),
        query(out, "SELECT agency_id || '|' || coalesce(CAST(rank AS VARCHAR), 'null') || '|' || rank_of || '|' || "
            + "coalesce(CAST(percentile AS VARCHAR), 'null') || '|' || eligible FROM " + table(out, "rankings")
            + " WHERE scope = 'city' AND indicator = 'review_correction_rate' ORDER BY eligible DESC, agency_id"));
  }

  @Test
  void theAggregateIsReconciledWithItsChildrenAndTheMissingChildIsListed() throws Exception {
    // 淮安市 states 3119 new applications; 洪泽 + 清江浦 report 190; 涟水 is missing: warnings only
    assertEquals(List.of("parent_mismatch|warning|190|3119|2929"), query(out,
        "SELECT rule_id || '|' || severity || '|' || expected || '|' || actual || '|' || difference FROM "
            + table(out, "findings") + " WHERE rule_id = 'parent_mismatch' AND cells = 'received_new__total'")
        .stream().map(s -> s.replace(".0000", "")).toList());
    assertEquals(List.of("lianshui|2024|missing_report"), query(out,
        "SELECT agency_id || '|' || year || '|' || rule_id FROM " + table(out, "findings")
            + " WHERE rule_id = 'missing_report'"));
    assertEquals(List.of("name:上海市科委|unknown|unknown_agency"), query(out,
        "SELECT agency_id || '|' || category || '|' || rule_id FROM " + table(out, "findings")
            + " WHERE rule_id = 'unknown_agency'"));
  }

  @Test
  void excludedReportsAreCountedButNotSummedOrRanked() throws Exception {
    // received 洪泽, 清江浦 (R2 error: excluded), 济宁: 95 + 27 summed
    assertEquals(List.of("3|2|1|122"), query(outExcluding, "SELECT reports_received || '|' || reports_included "
        + "|| '|' || reports_excluded || '|' || received_new__total FROM " + table(outExcluding, "rollup_city")));
    assertEquals(List.of("hongze", "jining"), query(outExcluding, "SELECT DISTINCT agency_id FROM "
        + table(outExcluding, "rankings") + " ORDER BY agency_id"));
  }

  @Test
  void csvGivesTheSameFiguresAsParquet() throws Exception {
    List<CSVRecord> city = csv(out, "rollup_city");
    assertEquals("251", city.get(0).get("received_new__total"));
    assertEquals("15090", city.get(0).get("fee_amount_wan_yuan"));
    CSVRecord hongze = csv(out, "indicators").stream().filter(r -> r.get("scope_id").equals("hongze")).findFirst().orElseThrow();
    assertEquals("0.621053", hongze.get("disclosure_rate"));
    assertEquals("95", hongze.get("disclosure_rate_denominator"));
    assertEquals("", hongze.get("disclosure_rate_yoy"));
    assertEquals(List.of("0.621053"), query(out, "SELECT disclosure_rate FROM " + table(out, "indicators")
        + " WHERE scope_id = 'hongze'"));
  }

  @Test
  void theDictionaryListsEveryColumnOfEveryTable() throws Exception {
    assertEquals(List.of("rankings|percentile|decimal(18,4)|百分位"), query(out,
        "SELECT table_name || '|' || column_name || '|' || type || '|' || label_zh FROM " + table(out, "dictionary")
            + " WHERE table_name = 'rankings' AND column_name = 'percentile'"));
    assertEquals(List.of("11"), query(out, "SELECT count(DISTINCT table_name) FROM " + table(out, "dictionary")));
  }

  private List<String> indicators(String agencyId) throws SQLException {
    return query(out, "SELECT applications_received || '|' || "
        + "coalesce(CAST(disclosure_rate AS VARCHAR), 'null') || '|' || coalesce(CAST(not_held_share AS VARCHAR), 'null') || '|' || "
        + "coalesce(CAST(carry_over_rate AS VARCHAR), 'null') || '|' || coalesce(CAST(review_correction_rate AS VARCHAR), 'null') || '|' || "
        + "coalesce(CAST(litigation_correction_rate AS VARCHAR), 'null') || '|' || coalesce(CAST(dispute_rate AS VARCHAR), 'null') || '|' || "
        + "licensing_decisions || '|' || validation_errors FROM " + table(out, "indicators")
        + " WHERE scope_type = 'agency' AND scope_id = '" + agencyId + "'");
  }

  static String table(Path dir, String name) {
    return "read_parquet('" + dir.resolve("parquet/" + name + "/*.parquet") + "')";
  }

  static List<String> query(Path dir, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(String.valueOf(rs.getString(1)));
      }
    }
    return rows;
  }

  static List<CSVRecord> csv(Path dir, String name) throws IOException {
    try (Reader r = Files.newBufferedReader(dir.resolve("csv/" + name + ".csv"), StandardCharsets.UTF_8)) {
      r.read(); // BOM
      try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        return p.getRecords();
      }
    }
  }
}
