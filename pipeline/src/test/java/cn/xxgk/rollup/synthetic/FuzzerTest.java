package cn.xxgk.rollup.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xxgk.rollup.Samples;
import cn.xxgk.rollup.ingest.ParseLimits;
import cn.xxgk.rollup.ingest.ReportParser;
import cn.xxgk.rollup.model.CodeCatalog;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.TemplateCatalog;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Damaged variants of every real sample: no exception escapes, no wrong number passes silently. */
class FuzzerTest {
  @Test
  void damagedRealReportsAreRejectedOrCaught() {
    Map<String, byte[]> originals = new LinkedHashMap<>();
    for (String s : Samples.PARSED) {
      originals.put(s, Samples.bytes(s));
    }
    Fuzzer.Result r = new Fuzzer(20261127L).run(originals, 400);
    assertEquals(List.of(), r.violations());
    assertTrue(r.maxWorkRatio() > 0, "the work of each case was measured (and bounded: see the violations)");
    assertEquals(400, r.parsedEqual() + r.parsedWithFindings() + r.rejected());
    assertTrue(r.rejected() > 0 && r.parsedWithFindings() > 0 && r.parsedEqual() > 0, r.toString());
    r.rejectReasons().keySet().forEach(code -> CodeCatalog.get().reject(code)); // every reason is catalogued
  }

  @Test
  void damagedWordFilesAndSubmissionsAreRejectedOrCaught() throws Exception {
    // a real report's cells, rendered in the forms that have no real sample here
    String sample = Samples.PARSED.get(0);
    Report real = new ReportParser(TemplateCatalog.get(), ParseLimits.DEFAULT).parse(sample, Samples.bytes(sample));
    Map<String, byte[]> originals = new LinkedHashMap<>();
    originals.put("report.docx", Renderers.docx(real));
    originals.put("report.csv", Renderers.csv(real).getBytes(StandardCharsets.UTF_8));
    originals.put("report.json", Renderers.json(real).getBytes(StandardCharsets.UTF_8));
    Fuzzer.Result r = new Fuzzer(7L).run(originals, 300);
    assertEquals(List.of(), r.violations());
    assertEquals(300, r.parsedEqual() + r.parsedWithFindings() + r.rejected());
    assertTrue(r.rejected() > 0 && r.parsedWithFindings() > 0 && r.parsedEqual() > 0, r.toString());
    r.rejectReasons().keySet().forEach(code -> CodeCatalog.get().reject(code));
  }
}
