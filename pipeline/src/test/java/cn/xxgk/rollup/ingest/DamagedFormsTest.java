package cn.xxgk.rollup.ingest;

import cn.xxgk.rollup.synthetic.Renderers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xxgk.rollup.Samples;
import cn.xxgk.rollup.model.CellStatus;
import cn.xxgk.rollup.model.Finding;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.SourceForm;
import cn.xxgk.rollup.model.TemplateCatalog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Mutation tests: a correctly parsed real report, rendered into a damaged form and parsed back,
 * gives the same 200 values (or, where the damaged text alone cannot decide, ambiguous cells
 * whose candidates include the true value).
 */
class DamagedFormsTest {
  private final TemplateCatalog catalog = TemplateCatalog.get();
  private final ReportParser parser = new ReportParser(catalog);

  @ParameterizedTest
  @ValueSource(strings = {"2024_huaian_city_gov_pdf-layout.txt", "2024_jining_xingzheng_shenpi_fuwuju_pagetext.txt",
      "2024_huaian_hongzequ_gov_pdf-layout.txt"})
  void gluedCrawlerTextGivesTheSameValues(String sample) throws Exception {
    Report original = parser.parse(sample, Samples.bytes(sample));
    String glued = Renderers.glued(original, Samples.text(sample));
    Report back = parser.parse(sample, glued.getBytes(StandardCharsets.UTF_8));
    assertEquals(SourceForm.CRAWLER_TEXT, back.sourceForm());
    assertEquals(original.agencyName(), back.agencyName());
    assertEquals(original.year(), back.year());
    List<String> wrong = new ArrayList<>();
    for (TemplateCatalog.Cell c : catalog.cells()) {
      if (back.status(c.index()) == CellStatus.AMBIGUOUS) {
        continue; // checked below: the true reading is among the candidates
      }
      if (back.status(c.index()) != original.status(c.index())
          || !String.valueOf(back.value(c.index())).equals(String.valueOf(original.value(c.index())))) {
        wrong.add(c.code() + ": " + original.value(c.index()) + " -> " + back.status(c.index()).code() + " " + back.value(c.index()));
      }
    }
    assertEquals(List.of(), wrong);
    for (Finding f : back.findings()) {
      assertEquals("ambiguous_split", f.ruleId());
      TemplateCatalog.Cell first = catalog.cell(f.cells().split(";")[0]);
      TemplateCatalog.Row row = catalog.table(first.table()).rows().stream()
          .filter(x -> x.code().equals(first.rowCode())).findFirst().orElseThrow();
      String truth = row.cells().stream().map(c -> original.value(c.index()).toPlainString())
          .collect(Collectors.joining(","));
      assertTrue(f.messageZh().contains(truth), truth + " not among " + f.messageZh());
    }
  }

  @Test
  void gluedTextOfAReportThatBreaksItsOwnIdentitiesIsRejected() throws Exception {
    // 洪泽 2023 prints table 四 with totals 0 while parts are not: no split can satisfy R4
    String sample = "2023_huaian_hongzequ_gov_pdf-layout.txt";
    Report original = parser.parse(sample, Samples.bytes(sample));
    String glued = Renderers.glued(original, Samples.text(sample));
    RejectException e = assertThrows(RejectException.class, () -> parser.parse(sample, glued.getBytes(StandardCharsets.UTF_8)));
    assertEquals("layout_not_recoverable", e.reasonCode());
    assertEquals("表四的表格结构在转换中已损坏，无法可靠还原：“review and litigation outcomes”行的数字“1010000000050000”"
        + "无法拆成15个满足勾稽关系的数。为避免错读数字，整份报告未采用。请提供原始网页、PDF（或 pdftotext -layout 文本）或Word文件。",
        e.toReject(sample).messageZh());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024_huaian_city_gov_pdf-layout.txt", "2024_jining_xingzheng_shenpi_fuwuju_pagetext.txt",
      "2024_huaian_hongzequ_gov_pdf-layout.txt"})
  void markdownFragmentsWithLostLabelsGiveTheSameValues(String sample) throws Exception {
    Report original = parser.parse(sample, Samples.bytes(sample));
    String md = Renderers.markdownWithLostLabels(original);
    Report back = parser.parse(sample, md.getBytes(StandardCharsets.UTF_8));
    assertEquals(SourceForm.MARKDOWN, back.sourceForm());
    for (TemplateCatalog.Cell c : catalog.cells()) {
      assertEquals(original.status(c.index()), back.status(c.index()), c.code());
      assertEquals(original.value(c.index()), back.value(c.index()), c.code());
    }
  }

  @Test
  void markdownWithARowMissingIsRejectedNotShifted() throws Exception {
    String sample = "2024_huaian_city_gov_pdf-layout.txt";
    String md = Renderers.markdownWithLostLabels(parser.parse(sample, Samples.bytes(sample)));
    String damaged = md.replaceFirst("\\| 11 \\| 0 \\| 0 \\| 0 \\| 0 \\| 0 \\| 11 \\|\\n", "");
    assertTrue(damaged.length() < md.length());
    RejectException e = assertThrows(RejectException.class, () -> parser.parse(sample, damaged.getBytes(StandardCharsets.UTF_8)));
    assertEquals("layout_not_recoverable", e.reasonCode());
    assertTrue(e.toReject(sample).messageZh().contains("找到24个数据行，应为25个"), e.toReject(sample).messageZh());
  }

  @Test
  void markdownRowsPlacedByPositionMustSatisfyTheIdentities() throws Exception {
    String sample = "2024_huaian_city_gov_pdf-layout.txt";
    String md = Renderers.markdownWithLostLabels(parser.parse(sample, Samples.bytes(sample)));
    // (四)2 has lost its label (every third row does); give it one number more
    String damaged = md.replaceFirst("\\| 11 \\| 0 \\| 0 \\| 0 \\| 0 \\| 0 \\| 11 \\|", "| 12 | 0 | 0 | 0 | 0 | 0 | 12 |");
    RejectException e = assertThrows(RejectException.class, () -> parser.parse(sample, damaged.getBytes(StandardCharsets.UTF_8)));
    assertEquals("layout_not_recoverable", e.reasonCode());
    assertTrue(e.toReject(sample).messageZh().contains("按位置确定的行不满足勾稽关系R3"), e.toReject(sample).messageZh());
  }

  @Test
  void gluedDigitsThatNoReadingExplainsAreRejected() throws Exception {
    String sample = "2024_huaian_city_gov_pdf-layout.txt";
    String glued = Renderers.glued(parser.parse(sample, Samples.bytes(sample)), Samples.text(sample));
    // 一、本年新收: 3001 53 0 0 61 4 3119 -> total off by one: no split satisfies the row identity
    String damaged = glued.replace("30015300614" + "3119", "30015300614" + "3120");
    assertTrue(!damaged.equals(glued));
    RejectException e = assertThrows(RejectException.class, () -> parser.parse(sample, damaged.getBytes(StandardCharsets.UTF_8)));
    assertEquals("layout_not_recoverable", e.reasonCode());
  }
}
