package cn.xxgk.rollup.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xxgk.rollup.ExpectedReport;
import cn.xxgk.rollup.Samples;
import cn.xxgk.rollup.model.CellStatus;
import cn.xxgk.rollup.model.Finding;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.TemplateCatalog;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ReportParserTest {
  private static final String JINING = "2024_jining_xingzheng_shenpi_fuwuju_pagetext.txt";
  private static final String HUAIAN = "2024_huaian_city_gov_pdf-layout.txt";
  private static final String HONGZE_2023 = "2023_huaian_hongzequ_gov_pdf-layout.txt";

  private final TemplateCatalog catalog = TemplateCatalog.get();
  private final ReportParser parser = new ReportParser(catalog);

  static List<String> parsedSamples() {
    return Samples.PARSED;
  }

  @ParameterizedTest
  @MethodSource("parsedSamples")
  void everyCellOfEveryRealSampleIsExact(String sample) throws Exception {
    Report r = parser.parse(sample, Samples.bytes(sample));
    ExpectedReport expected = Samples.expected(sample);
    assertMatches(expected, r);
    String findings = expected.header().getOrDefault("findings", "");
    assertEquals(findings, r.findings().stream()
        .map(f -> f.ruleId() + ":" + (findings.endsWith(f.ruleId() + ":*") ? "*" : f.cells()))
        .collect(java.util.stream.Collectors.joining(",")));
  }

  @Test
  void singleOtherHandlingRowGoesToOtherMiscAndTheSubRowsAreAbsent() throws Exception {
    Report r = parser.parse(HONGZE_2023, Samples.bytes(HONGZE_2023));
    assertEquals(CellStatus.ABSENT, r.status("other_no_amendment__total"));
    assertEquals(CellStatus.ABSENT, r.status("other_no_fee__natural_person"));
    assertEquals(CellStatus.OK, r.status("other_misc__total"));
    assertEquals(null, r.value("other_no_fee__total"));
  }

  @Test
  void gb18030Utf8BomAndUtf16GiveTheSameValues() throws Exception {
    String text = Samples.text(JINING);
    ExpectedReport expected = Samples.expected(JINING);
    assertMatches(expected, parser.parse(JINING, text.getBytes(Charset.forName("GB18030"))));
    assertMatches(Samples.expected(HUAIAN), parser.parse(HUAIAN, Samples.text(HUAIAN).getBytes(Charset.forName("GBK"))));
    assertMatches(expected, parser.parse(JINING, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8))));
    assertMatches(expected, parser.parse(JINING, concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE))));
  }

  @Test
  void windowsLineEndingsFullWidthDigitsAndThousandsSeparatorsGiveTheSameValues() throws Exception {
    String text = Samples.text(HUAIAN)
        .replace("3001        53       0        0    61       4   3119", "３００１        53       0        0    61       4   ３１１９")
        .replace("447228", "447,228")
        .replace("\n", "\r\n");
    assertMatches(Samples.expected(HUAIAN), parser.parse(HUAIAN, text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aBlankCellIsMissingWithAWarningNeverZero() throws Exception {
    String text = replaceOnce(Samples.text(JINING), "\t一、本年新收政府信息公开申请数量\n\t25\n", "\t一、本年新收政府信息公开申请数量\n\t\n");
    Report r = parser.parse(JINING, text.getBytes(StandardCharsets.UTF_8));
    assertEquals(CellStatus.BLANK, r.status("received_new__natural_person"));
    assertEquals(null, r.value("received_new__natural_person"));
    assertEquals(new BigDecimal("2"), r.value("received_new__business"));
    Finding f = r.findings().get(0);
    assertEquals(1, r.findings().size());
    assertEquals("blank_cell", f.ruleId());
    assertEquals("warning", f.severity());
    assertEquals("received_new__natural_person", f.cells());
    assertEquals("表三“一、本年新收政府信息公开申请数量”自然人列为空，按缺失值处理（不计为0）。", f.messageZh());
  }

  @Test
  void aDashOrANegativeWhereACountBelongsIsInvalidWithAnError() throws Exception {
    String text = replaceOnce(Samples.text(JINING), "\t行政许可\n\t84881\n", "\t行政许可\n\t—\n");
    text = replaceOnce(text, "\t（一）予以公开\n\t17\n", "\t（一）予以公开\n\t-17\n");
    Report r = parser.parse(JINING, text.getBytes(StandardCharsets.UTF_8));
    assertEquals(CellStatus.INVALID, r.status("licensing_decisions"));
    assertEquals(CellStatus.INVALID, r.status("granted__natural_person"));
    assertEquals(List.of("licensing_decisions", "granted__natural_person"),
        r.findings().stream().map(Finding::cells).toList());
    assertEquals("error", r.findings().get(0).severity());
    assertEquals("表二“行政许可”行政许可 本年处理决定数量的内容“—”不是有效的非负整数，按无效值处理（不计为0）。",
        r.findings().get(0).messageZh());
  }

  @Test
  void aDecimalCountIsInvalidButADecimalFeeIsKept() throws Exception {
    String text = Samples.text(HONGZE_2023).replace("行政许可                      550", "行政许可                      550.5");
    Report r = parser.parse(HONGZE_2023, text.getBytes(StandardCharsets.UTF_8));
    assertEquals(CellStatus.INVALID, r.status("licensing_decisions"));
    assertEquals(new BigDecimal("7730.28"), r.value("fee_amount_wan_yuan"));
  }

  @Test
  void aRowWithANumberMissingInLayoutTextIsRejectedNotGuessed() {
    String text = Samples.text(HUAIAN).replace("2932        53        0         0        61        4   3050",
        "2932        53        0         61        4   3050");
    RejectException e = assertThrows(RejectException.class,
        () -> parser.parse(HUAIAN, text.getBytes(StandardCharsets.UTF_8)));
    assertEquals("row_value_count", e.reasonCode());
    assertEquals("表三“（七）总计”行找到6个数字，应为7个（2932 53 0 61 4 3050）。无法确定各数字所在的列，请核对该行。",
        e.toReject(HUAIAN).messageZh());
  }

  @Test
  void numbersUnderAnUnknownLabelRejectTheReport() {
    String text = Samples.text(HUAIAN).replace("2.重复申请", "2.另一种申请");
    RejectException e = assertThrows(RejectException.class,
        () -> parser.parse(HUAIAN, text.getBytes(StandardCharsets.UTF_8)));
    assertEquals("unexpected_numbers", e.reasonCode());
    assertTrue(e.toReject(HUAIAN).messageZh().contains("2.另一种申请"), e.toReject(HUAIAN).messageZh());
  }

  @Test
  void aReportCutOffInsideTableThreeIsRejected() {
    String text = Samples.text(HUAIAN);
    String cut = text.substring(0, text.indexOf("1.信访举报投诉类申请"));
    RejectException e = assertThrows(RejectException.class,
        () -> parser.parse(HUAIAN, cut.getBytes(StandardCharsets.UTF_8)));
    assertEquals("table_not_found", e.reasonCode());
    assertEquals("未找到表四（标题“政府信息公开行政复议、行政诉讼情况”）。请确认报告包含按2021年格式填写的该表。",
        e.toReject(HUAIAN).messageZh());
  }

  @Test
  void brokenFilesAreRejectedWithTheirReason() {
    assertEquals("empty_file", rejectReason(new byte[0]));
    assertEquals("binary_file", rejectReason(new byte[] {1, 2, 0, 4, 5, 6}));
    assertEquals("undecodable_text", rejectReason(new byte[] {(byte) 0x80, (byte) 0xFF, (byte) 0xFE, 0x41, (byte) 0x80}));
    assertEquals("not_an_annual_report", rejectReason("关于召开2024年度工作会议的通知\n各科室：定于下周一召开会议。\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals("read_error", rejectReason("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)));
    assertEquals("unsupported_format", rejectReason(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2}));
  }

  @Test
  void columnByColumnPdfTextIsRejectedNeverMisread() {
    RejectException e = assertThrows(RejectException.class,
        () -> parser.parse("raw.txt", Samples.bytes("2024_huaian_hongzequ_gov_pdf-raw.txt")));
    assertEquals("layout_not_recoverable", e.reasonCode());
    assertTrue(e.toReject("raw.txt").messageZh().startsWith("表二的表格结构在转换中已损坏，无法可靠还原：PDF文本按阅读顺序排列"),
        e.toReject("raw.txt").messageZh());
  }

  @Test
  void reportsBeforeThe2019TemplateAreRejected() {
    String text = "某某局2017年政府信息公开工作年度报告\n统计表\n指标名称 计量单位 数量\n主动公开政府信息数 条 120\n";
    assertEquals("pre_2019_format", rejectReason(text.getBytes(StandardCharsets.UTF_8)));
    String old = Samples.text(HUAIAN).replace("2024 年政府信息公开工作年度报告", "2018 年政府信息公开工作年度报告");
    assertEquals("pre_2019_format", rejectReason(old.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aNoteInACellIsNotPartOfTheNumber() throws Exception {
    String text = Samples.text(HUAIAN).replace("行政规范性文件       8          26       66",
        "行政规范性文件       8（其中修订 3 件）          26       66");
    Report r = parser.parse(HUAIAN, text.getBytes(StandardCharsets.UTF_8));
    assertEquals(new BigDecimal("8"), r.value("normative_doc_issued"));
    assertEquals(new BigDecimal("26"), r.value("normative_doc_repealed"));
  }

  @Test
  void the2019TemplateIsRecognisedAndItsTableTwoIsAbsent() throws Exception {
    String text = Samples.text(HUAIAN).replace("本年制发件数     本年废止件数   现行有效件数",
        "本年新制作数量     本年新公开数量   对外公开总数量");
    Report r = parser.parse(HUAIAN, text.getBytes(StandardCharsets.UTF_8));
    assertEquals("2019", r.templateVersion());
    ExpectedReport expected = Samples.expected(HUAIAN);
    for (TemplateCatalog.Cell c : catalog.cells()) {
      if (c.table() == 2) {
        assertEquals(CellStatus.ABSENT, r.status(c.index()), c.code());
      } else {
        assertEquals(expected.value(c.code()), r.value(c.index()), c.code());
      }
    }
  }

  @Test
  void aTableTwoWithAnUnknownHeaderIsRejected() {
    String text = Samples.text(HUAIAN).replace("本年废止件数", "本年修订件数");
    assertEquals("table_header_not_recognised", rejectReason(text.getBytes(StandardCharsets.UTF_8)));
  }

  private String rejectReason(byte[] bytes) {
    return assertThrows(RejectException.class, () -> parser.parse("x.txt", bytes)).reasonCode();
  }

  private void assertMatches(ExpectedReport expected, Report r) {
    assertEquals(expected.header().get("agency_name"), r.agencyName());
    assertEquals(Integer.parseInt(expected.header().get("year")), r.year());
    assertEquals(expected.header().get("source_form"), r.sourceForm().code());
    assertEquals(expected.header().get("template_version"), r.templateVersion());
    List<String> wrong = new ArrayList<>();
    for (TemplateCatalog.Cell c : catalog.cells()) {
      BigDecimal want = expected.value(c.code());
      BigDecimal got = r.value(c.index());
      boolean same = want == null ? got == null : got != null && want.compareTo(got) == 0;
      if (!same || !expected.status(c.code()).equals(r.status(c.index()).code())) {
        wrong.add(c.code() + ": expected " + expected.cells().get(c.code()) + ", got "
            + (got == null ? r.status(c.index()).code() : got.toPlainString()));
      }
    }
    assertEquals(List.of(), wrong);
  }

  private static String replaceOnce(String text, String from, String to) {
    int at = text.indexOf(from);
    if (at < 0) {
      throw new IllegalArgumentException("fixture text not found: " + from);
    }
    return text.substring(0, at) + to + text.substring(at + from.length());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
