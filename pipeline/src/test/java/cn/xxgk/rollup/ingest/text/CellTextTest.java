package cn.xxgk.rollup.ingest.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CellTextTest {
  @Test
  void readsNumbersAsPrinted() {
    assertEquals(new BigDecimal("3119"), number("３１１９"));
    assertEquals(new BigDecimal("447228"), number("447,228"));
    assertEquals(new BigDecimal("0.00"), number("0.00"));
    assertEquals(new BigDecimal("96171.6"), number("\u00a0 96171.6\u3000"));
    assertEquals(new BigDecimal("5"), number("5件"));
  }

  @Test
  void classifiesPlaceholdersEmptiesAndWords() {
    assertEquals(CellText.Kind.PLACEHOLDER, kind("—"));
    assertEquals(CellText.Kind.PLACEHOLDER, kind("-"));
    assertEquals(CellText.Kind.PLACEHOLDER, kind("无"));
    assertEquals(CellText.Kind.PLACEHOLDER, kind("-3"));
    assertEquals(CellText.Kind.PLACEHOLDER, kind("／"));
    assertEquals(CellText.Kind.EMPTY, kind("\u3000 \u00a0"));
    assertEquals(CellText.Kind.TEXT, kind("1.属于国家秘密"));
    assertEquals(CellText.Kind.TEXT, kind("1."));
    assertEquals(CellText.Kind.TEXT, kind("12,34"));
  }

  private static BigDecimal number(String raw) {
    String n = CellText.normalize(raw);
    assertEquals(CellText.Kind.NUMBER, CellText.kind(n), raw);
    return CellText.number(n);
  }

  private static CellText.Kind kind(String raw) {
    return CellText.kind(CellText.normalize(raw));
  }
}
