package cn.xxgk.rollup.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.xxgk.rollup.Samples;
import cn.xxgk.rollup.ingest.ReportParser;
import cn.xxgk.rollup.model.CellStatus;
import cn.xxgk.rollup.model.Finding;
import cn.xxgk.rollup.model.Identities;
import cn.xxgk.rollup.model.Narrative;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.TemplateCatalog;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mutation tests: a consistent real report with one cell changed trips exactly the rules the
 * change must trip, with the right cells and difference.
 */
class ReportChecksTest {
  private static final String HUAIAN = "2024_huaian_city_gov_pdf-layout.txt";
  private final TemplateCatalog catalog = TemplateCatalog.get();
  private final ReportChecks checks = new ReportChecks(catalog, Identities.get(), Narrative.get());

  static List<String> samples() {
    return Samples.PARSED;
  }

  @ParameterizedTest
  @MethodSource("samples")
  void consistentRealSamplesHaveNoErrors(String sample) throws Exception {
    List<String> errors = checks.check(parse(sample)).stream().filter(f -> f.severity().equals("error"))
        .map(f -> f.ruleId() + " " + f.messageZh()).collect(Collectors.toList());
    if (sample.startsWith("2023_huaian_hongzequ_gov")) {
      // its table 四 is inconsistent in the source: totals 0 while the parts are not
      assertEquals(List.of(
          "R4 表四“行政复议”：总计为0，而结果维持、结果纠正、其他结果、尚未审结之和为11，相差-11。",
          "R4 表四“行政诉讼（复议后起诉）”：总计为0，而结果维持、结果纠正、其他结果、尚未审结之和为5，相差-5。"), errors);
    } else {
      assertEquals(List.of(), errors);
    }
  }

  @Test
  void hongze2024TextCountsFewerApplicationsThanItsTable() throws Exception {
    List<Finding> f = checks.check(parse("2024_huaian_hongzequ_gov_pdf-layout.txt"));
    assertEquals(1, f.size());
    assertEquals("N1", f.get(0).ruleId());
    assertEquals("warning", f.get(0).severity());
    assertEquals("received_new__total", f.get(0).cells());
    assertEquals(new BigDecimal("95"), f.get(0).expected());
    assertEquals(new BigDecimal("17"), f.get(0).actual());
    assertEquals(new BigDecimal("-78"), f.get(0).difference());
  }

  @Test
  void r1AndR2WhenANewApplicationCountChanges() throws Exception {
    List<Finding> f = checks.check(mutate(parse(HUAIAN), "received_new__natural_person", "3002"));
    assertEquals(List.of(
        "R1 received_new__natural_person;carried_over_in__natural_person;handled_total__natural_person;carried_over_out__natural_person 1",
        "R2 received_new__total;received_new__natural_person;received_new__business;received_new__research;received_new__nonprofit;received_new__legal_service;received_new__other_org -1"),
        describe(f));
    assertEquals("表三“自然人”列：一（本年新收）+ 二（上年结转）= 3036，而三（七）总计 + 四（结转下年度）= 3035，两者应相等，相差1。",
        f.get(0).messageZh());
    assertEquals("表三“一、本年新收政府信息公开申请数量”行：总计为3119，而六类申请人之和为3120，相差-1。", f.get(1).messageZh());
  }

  @Test
  void r2AndR3WhenAResultCellChanges() throws Exception {
    List<Finding> f = checks.check(mutate(parse(HUAIAN), "granted__business", "22"));
    assertEquals(List.of("R2", "R3"), f.stream().map(Finding::ruleId).collect(Collectors.toList()));
    assertEquals(new BigDecimal("-1"), f.get(0).difference()); // total 1362, parts 1363
    assertEquals(new BigDecimal("-1"), f.get(1).difference()); // handled 53, results 54
    assertEquals("表三“商业企业”列：（七）总计为53，而（一）至（六）各项办理结果之和为54，相差-1。", f.get(1).messageZh());
  }

  @Test
  void r1R2AndR3WhenTheHandledTotalChanges() throws Exception {
    List<Finding> f = checks.check(mutate(parse(HUAIAN), "handled_total__total", "3051"));
    // the narrative says 答复3050件: the text no longer matches the table either
    assertEquals(List.of("R1", "R2", "R3", "N1"), f.stream().map(Finding::ruleId).collect(Collectors.toList()));
    assertEquals(List.of(new BigDecimal("-1"), new BigDecimal("1"), new BigDecimal("1"), new BigDecimal("-1")),
        f.stream().map(Finding::difference).collect(Collectors.toList()));
    assertEquals("正文所述办理（答复）的申请为3050件，与表格不符：（七）总计为3051；一、本年新收政府信息公开申请数量"
        + "+二、上年结转政府信息公开申请数量为3153；一、本年新收政府信息公开申请数量为3119。", f.get(3).messageZh());
  }

  @Test
  void r4WhenAReviewCountChanges() throws Exception {
    List<Finding> f = checks.check(mutate(parse(HUAIAN), "review_pending", "38"));
    assertEquals(List.of("R4 review_total;review_upheld;review_corrected;review_other;review_pending -1"), describe(f));
  }

  @Test
  void n1WhenTheTextStatesAnotherNumber() throws Exception {
    String text = Samples.text(HUAIAN).replace("全市共受理政府信息公开申请 3119 件", "全市共受理政府信息公开申请 3118 件");
    Report r = new ReportParser(catalog).parse(HUAIAN, text.getBytes(StandardCharsets.UTF_8));
    List<Finding> f = checks.check(r);
    assertEquals(List.of("N1 received_new__total -1"), describe(f));
  }

  @Test
  void r6WhenTheTitleAndThePeriodDisagree() throws Exception {
    String text = Samples.text(HUAIAN).replace("统计期限自 2024 年 1 月 1 日", "统计期限自 2023 年 1 月 1 日");
    Report r = new ReportParser(catalog).parse(HUAIAN, text.getBytes(StandardCharsets.UTF_8));
    List<Finding> f = checks.check(r);
    assertEquals(1, f.size());
    assertEquals("R6", f.get(0).ruleId());
    assertEquals("统计年度有误：标题年度为2024年，统计期限为2023年，两者不一致。请核对标题和统计期限。", f.get(0).messageZh());
  }

  @Test
  void aRuleWithAnUnknownCellReportsNothing() throws Exception {
    Report r = parse(HUAIAN);
    // blank the natural-person new applications and break its row: R1/R2 on that cell stay silent
    Report blanked = withStatus(mutate(r, "received_new__total", "1"), "received_new__natural_person", CellStatus.BLANK);
    assertEquals(List.of(), checks.check(blanked).stream().filter(f -> f.cells().contains("received_new__natural_person"))
        .map(Finding::ruleId).collect(Collectors.toList()));
  }

  private List<String> describe(List<Finding> findings) {
    return findings.stream().map(f -> f.ruleId() + " " + f.cells() + " " + f.difference().toPlainString())
        .collect(Collectors.toList());
  }

  private Report parse(String sample) throws Exception {
    return new ReportParser(catalog).parse(sample, Samples.bytes(sample));
  }

  static Report mutate(Report r, String code, String value) {
    CellStatus[] s = statuses(r);
    BigDecimal[] v = values(r);
    int at = TemplateCatalog.get().cell(code).index();
    s[at] = CellStatus.OK;
    v[at] = new BigDecimal(value);
    return copy(r, r.sourceFile(), r.year(), r.periodYear(), s, v, r.stated(), r.findings());
  }

  /** A copy of a report with other identity, cells, statements or findings. */
  static Report copy(Report r, String sourceFile, int year, Integer periodYear, CellStatus[] s, BigDecimal[] v,
      Map<String, List<BigDecimal>> stated, List<Finding> findings) {
    return new Report(sourceFile, r.agencyName(), r.agencyId(), r.category(), r.aggregate(), year, periodYear,
        r.sourceForm(), r.templateVersion(), s, v, stated, findings, r.provenance());
  }

  static Report withStatus(Report r, String code, CellStatus status) {
    CellStatus[] s = statuses(r);
    BigDecimal[] v = values(r);
    int at = TemplateCatalog.get().cell(code).index();
    s[at] = status;
    v[at] = status == CellStatus.OK ? v[at] : null;
    return copy(r, r.sourceFile(), r.year(), r.periodYear(), s, v, r.stated(), r.findings());
  }

  /** The same report as another year (title and period both), for cross-year pairs. */
  static Report asYear(Report r, int year, String sourceFile) {
    return copy(r, sourceFile, year, year, statuses(r), values(r), Map.of(), List.of());
  }

  static CellStatus[] statuses(Report r) {
    CellStatus[] s = new CellStatus[r.cellCount()];
    for (int i = 0; i < s.length; i++) {
      s[i] = r.status(i);
    }
    return s;
  }

  static BigDecimal[] values(Report r) {
    BigDecimal[] v = new BigDecimal[r.cellCount()];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.value(i);
    }
    return v;
  }
}
