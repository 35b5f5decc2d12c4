package cn.xxgk.rollup.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.xxgk.rollup.Samples;
import cn.xxgk.rollup.ingest.ReportParser;
import cn.xxgk.rollup.model.Finding;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.TemplateCatalog;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class ValidateTest {
  private static final String HUAIAN = "2024_huaian_city_gov_pdf-layout.txt";
  private static final String X2_NORMATIVE =
      "normative_doc_in_force;prev:normative_doc_in_force;normative_doc_issued;normative_doc_repealed";

  private static Report huaian2024() throws Exception {
    return new ReportParser(TemplateCatalog.get()).parse(HUAIAN, Samples.bytes(HUAIAN));
  }

  @Test
  void carryOverAndDocumentsInForceAreCheckedAgainstThePreviousYear(TestPipeline p) throws Exception {
    Report current = huaian2024();
    // the previous year: the same agency (its name spaced differently), the same tables
    Report previous = ReportChecksTest.asYear(current, 2023, "2023/huaian.txt");
    byte[] csv = ("agency_name,year,rule_id,cells,reason,decided_by\n"
        + "淮安市 人民政府,2024,X2," + X2_NORMATIVE + ",市政府规范性文件清理后统计口径调整,市政务公开办\n"
        + "淮安市人民政府,2022,R1,,早已整改,市政务公开办\n").getBytes(Charset.forName("GBK"));
    Waivers waivers = Waivers.parse("waivers.csv", new String(csv, Charset.forName("GBK")));

    PCollectionTuple out = ChooseVersionsTest.grouped(p, current, previous).apply(new Validate(waivers));
    PCollection<Report> reports = out.get(Validate.REPORTS).apply("Ungroup", Flatten.iterables());
    PAssert.that(reports.apply("Counts", MapElements.into(TypeDescriptors.strings())
            .via((Report r) -> r.sourceFile() + " errors=" + r.errorCount() + " warnings=" + r.warningCount())))
        .containsInAnyOrder(HUAIAN + " errors=2 warnings=1", "2023/huaian.txt errors=0 warnings=0");
    PAssert.that(reports.apply("CrossYear", MapElements.into(TypeDescriptors.strings())
            .via((Report r) -> r.findings().stream().filter(f -> f.ruleId().startsWith("X"))
                .map(f -> f.ruleId() + " " + f.difference() + (f.waived() ? " waived: " + f.waiverReason() : ""))
                .sorted().collect(Collectors.joining(", ")))))
        .containsInAnyOrder(
            "X1 -69, X1 -69, X2 -1, X2 18 waived: 市政府规范性文件清理后统计口径调整（市政务公开办）", "");
    PAssert.that(out.get(Validate.STALE_WAIVERS).apply("Stale", MapElements.into(TypeDescriptors.strings())
            .via((Finding f) -> f.sourceFile() + " " + f.ruleId() + " " + f.messageZh())))
        .containsInAnyOrder("waivers.csv:3 stale_waiver 豁免清单第3行（淮安市人民政府，2022年，R1，单元格“”）"
            + "未匹配任何发现，可能已过时，请核对或删除。");
    p.run().waitUntilFinish();
  }

  @Test
  void x1MessageNamesBothReports() throws Exception {
    Report current = huaian2024();
    Report previous = ReportChecksTest.asYear(current, 2023, "2023/huaian.txt");
    ReportChecks single = new ReportChecks(TemplateCatalog.get(), cn.xxgk.rollup.model.Identities.get(),
        cn.xxgk.rollup.model.Narrative.get());
    List<Finding> f = new CrossYearChecks(cn.xxgk.rollup.model.Identities.get(), single).check(previous, current);
    assertEquals("表三“自然人”列：本年“二、上年结转”为34，而上年（2023年，2023/huaian.txt）“四、结转下年度继续办理”为103，"
        + "两者应相等，相差-69。", f.get(0).messageZh());
    assertEquals("carried_over_in__natural_person;prev:carried_over_out__natural_person", f.get(0).cells());
    assertEquals("error", f.get(0).severity());
    // a report two years later is not compared
    assertEquals(List.of(), new CrossYearChecks(cn.xxgk.rollup.model.Identities.get(), single)
        .check(ReportChecksTest.asYear(current, 2022, "x"), current));
  }

  @Test
  void aMalformedWaiversFileIsRefusedWithItsLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Waivers.parse("w.csv",
        "agency_name,year,rule_id,cells,reason,decided_by\n某局,2024,R99,,理由,某人\n"));
    assertEquals("waivers file w.csv line 2: unknown rule_id R99", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Waivers.parse("w.csv",
        "agency,year\n"));
    assertEquals("waivers file w.csv: header must be agency_name,year,rule_id,cells,reason,decided_by", e.getMessage());
  }
}
