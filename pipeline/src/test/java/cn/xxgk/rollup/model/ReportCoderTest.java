package cn.xxgk.rollup.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.xxgk.rollup.Samples;
import cn.xxgk.rollup.ingest.ReportParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

class ReportCoderTest {
  @Test
  void aParsedReportWithFindingsComesBackWhole() throws Exception {
    // the Hongze layout text: stated narrative numbers, and findings from the checks
    String sample = "2024_huaian_hongzequ_gov_pdf-layout.txt";
    Report parsed = new ReportParser(TemplateCatalog.get()).parse(sample, Samples.bytes(sample));
    Report r = parsed.withFindings(new cn.xxgk.rollup.validate.ReportChecks(TemplateCatalog.get(), Identities.get(),
            Narrative.get()).check(parsed))
        .withProvenance(new Provenance("ab".repeat(32), 1234, 1_700_000_000_000L, 2));
    assertFalse(r.findings().isEmpty(), "the sample must carry findings for this test");
    assertFalse(r.stated().isEmpty(), "the sample must carry stated numbers for this test");

    Report back = CoderUtils.clone(ReportCoder.of(), r);

    assertEquals(List.of(r.sourceFile(), r.agencyName(), r.agencyId(), r.category(), r.year(), r.templateVersion()),
        List.of(back.sourceFile(), back.agencyName(), back.agencyId(), back.category(), back.year(), back.templateVersion()));
    for (int i = 0; i < r.cellCount(); i++) {
      assertEquals(r.status(i), back.status(i), "status of cell " + i);
      assertEquals(r.value(i), back.value(i), "value of cell " + i);
    }
    assertEquals(r.stated(), back.stated());
    assertEquals(r.findings(), back.findings());
    assertEquals(r.provenance(), back.provenance());
  }

  @Test
  void decimalsKeepValueAndScale() throws Exception {
    List<BigDecimal> values = new ArrayList<>(Arrays.asList(null, BigDecimal.ZERO, new BigDecimal("0.0000"),
        new BigDecimal("123"), new BigDecimal("-5"), new BigDecimal("12.3400"), new BigDecimal("999999999999999999"),
        new BigDecimal("1000000000000000000000000000000"), new BigDecimal("1E+3"), new BigDecimal("-0.5")));
    for (BigDecimal v : values) {
      BigDecimal back = CoderUtils.clone(DecimalCoder.of(), v);
      assertEquals(v, back, "value and scale of " + v);
    }
  }
}
