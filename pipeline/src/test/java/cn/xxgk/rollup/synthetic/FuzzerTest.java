package cn.xxgk.rollup.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xxgk.rollup.Samples;
import cn.xxgk.rollup.model.CodeCatalog;
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
    assertEquals(400, r.parsedEqual() + r.parsedWithFindings() + r.rejected());
    assertTrue(r.rejected() > 0 && r.parsedWithFindings() > 0 && r.parsedEqual() > 0, r.toString());
    r.rejectReasons().keySet().forEach(code -> CodeCatalog.get().reject(code)); // every reason is catalogued
  }
}
