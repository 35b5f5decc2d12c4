package cn.xxgk.rollup.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvSafetyTest {
  @Test
  void prefixesFormulaTriggers() {
    assertEquals("'=1+2", CsvSafety.neutralize("=1+2"));
    assertEquals("'+86 123", CsvSafety.neutralize("+86 123"));
    assertEquals("'-2", CsvSafety.neutralize("-2"));
    assertEquals("'@SUM(A1)", CsvSafety.neutralize("@SUM(A1)"));
    assertEquals("'\tx", CsvSafety.neutralize("\tx"));
    assertEquals("'\rx", CsvSafety.neutralize("\rx"));
    assertEquals("'＝1", CsvSafety.neutralize("＝1"));
  }

  @Test
  void leavesOrdinaryTextAlone() {
    assertEquals("淮安市人民政府", CsvSafety.neutralize("淮安市人民政府"));
    assertEquals("a=b", CsvSafety.neutralize("a=b"));
    assertEquals("", CsvSafety.neutralize(""));
  }
}
