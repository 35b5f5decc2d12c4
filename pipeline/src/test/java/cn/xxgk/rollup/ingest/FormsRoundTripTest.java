package cn.xxgk.rollup.ingest;

import cn.xxgk.rollup.synthetic.Renderers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xxgk.rollup.Samples;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.SourceForm;
import cn.xxgk.rollup.model.TemplateCatalog;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each real sample rendered into every form the office receives gives the same 200 values back. */
class FormsRoundTripTest {
  private final TemplateCatalog catalog = TemplateCatalog.get();
  private final ReportParser parser = new ReportParser(catalog);

  @ParameterizedTest
  @ValueSource(strings = {"2024_huaian_city_gov_pdf-layout.txt", "2024_jining_xingzheng_shenpi_fuwuju_pagetext.txt",
      "2024_huaian_hongzequ_gov_pdf-layout.txt"})
  void htmlGivesTheSameValues(String sample) throws Exception {
    Report original = parser.parse(sample, Samples.bytes(sample));
    assertSame(original, parser.parse("x.html", Renderers.html(original).getBytes(StandardCharsets.UTF_8)), SourceForm.HTML);
  }

  // The official Word template always has （六）'s three rows, so only reports that print them
  // round-trip through it unchanged.
  @ParameterizedTest
  @ValueSource(strings = {"2024_huaian_city_gov_pdf-layout.txt", "2024_jining_xingzheng_shenpi_fuwuju_pagetext.txt"})
  void theFilledWordTemplateGivesTheSameValues(String sample) throws Exception {
    Report original = parser.parse(sample, Samples.bytes(sample));
    assertSame(original, parser.parse("x.docx", Renderers.docx(original)), SourceForm.DOCX);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024_huaian_city_gov_pdf-layout.txt", "2024_jining_xingzheng_shenpi_fuwuju_pagetext.txt",
      "2024_shanghai_kewei_pdf2md.txt"})
  void csvAndJsonSubmissionsGiveTheSameValues(String sample) throws Exception {
    Report original = parser.parse(sample, Samples.bytes(sample));
    assertSame(original, parser.parse("x.csv", Renderers.csv(original).getBytes(StandardCharsets.UTF_8)), SourceForm.CSV);
    assertSame(original, parser.parse("x.json", Renderers.json(original).getBytes(StandardCharsets.UTF_8)), SourceForm.JSON);
    // saved on Chinese Windows: GBK
    assertSame(original, parser.parse("x.csv", Renderers.csv(original).getBytes(Charset.forName("GBK"))), SourceForm.CSV);
  }

  @Test
  void gbkLayoutTextGivesTheSameValues() throws Exception {
    String sample = "2023_huaian_hongzequ_gov_pdf-layout.txt";
    Report original = parser.parse(sample, Samples.bytes(sample));
    assertSame(original, parser.parse(sample, Samples.text(sample).getBytes(Charset.forName("GBK"))), SourceForm.LAYOUT_TEXT);
  }

  @Test
  void formIsDetectedByContentNotByName() throws Exception {
    Report original = parser.parse("a.txt", Samples.bytes("2024_huaian_city_gov_pdf-layout.txt"));
    assertEquals(SourceForm.HTML, parser.parse("page.txt", Renderers.html(original).getBytes(StandardCharsets.UTF_8)).sourceForm());
    assertEquals(SourceForm.DOCX, parser.parse("report.pdf", Renderers.docx(original)).sourceForm());
  }

  @Test
  void submissionErrorsAreNamedByLineAndColumn() throws Exception {
    Report original = parser.parse("a.txt", Samples.bytes("2024_jining_xingzheng_shenpi_fuwuju_pagetext.txt"));
    String csv = Renderers.csv(original)
        .replace("received_new,business,2", "received_new,businesses,2")
        .replace("licensing_decisions,,84881", "licensing_decisions,,8万")
        + "\"济宁市行政审批服务局\",2024,review_total,,0\r\n";
    RejectException e = assertThrows(RejectException.class, () -> parser.parse("x.csv", csv.getBytes(StandardCharsets.UTF_8)));
    assertEquals("submission_invalid", e.reasonCode());
    assertEquals("结构化提交文件（CSV）有误：第8行 value 列：“8万”不是数字；第13行 item/applicant 列：“received_new”/“businesses”"
        + "不是模板的单元格代码；第202行：单元格 review_total 与第191行重复。请按 schemas/ 中的格式改正后重新提交。",
        e.toReject("x.csv").messageZh());
    String json = Renderers.json(original).replace("\"granted\": {\"natural_person\": 17", "\"granted\": {\"natural_person\": \"十七\"");
    e = assertThrows(RejectException.class, () -> parser.parse("x.json", json.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.toReject("x.json").messageZh().contains("/table3/granted/natural_person：“十七”不是数字"), e.toReject("x.json").messageZh());

    // found by the fuzzer: a JSON year that is not a number threw a NullPointerException, and a CSV
    // cut inside a quoted cell threw out of commons-csv's iterator
    String noYear = Renderers.json(original).replace("\"year\": 2024", "\"year\": \"二〇二四\"");
    e = assertThrows(RejectException.class, () -> parser.parse("x.json", noYear.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.toReject("x.json").messageZh().contains("/year：缺少年度或不是年份"), e.toReject("x.json").messageZh());
    String cut = Renderers.csv(original) + "\"济宁市行政审批";
    e = assertThrows(RejectException.class, () -> parser.parse("x.csv", cut.getBytes(StandardCharsets.UTF_8)));
    assertEquals("submission_invalid", e.reasonCode());
    assertTrue(e.toReject("x.csv").messageZh().contains("CSV 格式错误"), e.toReject("x.csv").messageZh());
  }

  private void assertSame(Report original, Report back, SourceForm form) {
    assertEquals(form, back.sourceForm());
    assertEquals(original.agencyName(), back.agencyName());
    assertEquals(original.year(), back.year());
    List<String> wrong = new ArrayList<>();
    for (TemplateCatalog.Cell c : catalog.cells()) {
      if (original.status(c.index()) != back.status(c.index())
          || !String.valueOf(original.value(c.index())).equals(String.valueOf(back.value(c.index())))) {
        wrong.add(c.code() + ": " + original.status(c.index()).code() + " " + original.value(c.index())
            + " -> " + back.status(c.index()).code() + " " + back.value(c.index()));
      }
    }
    assertEquals(List.of(), wrong, form.code());
  }
}
