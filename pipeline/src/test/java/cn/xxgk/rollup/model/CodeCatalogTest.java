package cn.xxgk.rollup.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CodeCatalogTest {
  @Test
  void rendersBothLanguagesFromTheTemplates() {
    Reject r = Reject.of("a.txt", "row_value_count", Map.of("table", "表三", "row", "（七）总计",
        "found", 5, "expected", 7, "values", "1 2 3 4 5"));
    assertEquals("表三“（七）总计”行找到5个数字，应为7个（1 2 3 4 5）。无法确定各数字所在的列，请核对该行。", r.messageZh());
    assertEquals("Row \"（七）总计\" of 表三 has 5 numbers, expected 7 (1 2 3 4 5). The columns of its numbers cannot be told apart; check the row.", r.messageEn());
  }

  @Test
  void refusesCodesThatAreNotInTheCatalog() {
    assertThrows(IllegalArgumentException.class, () -> Reject.of("a.txt", "made_up", Map.of()));
    assertThrows(IllegalArgumentException.class, () -> CodeCatalog.get().finding("made_up"));
  }

  @Test
  void refusesAMessageWithAMissingParameter() {
    assertThrows(IllegalArgumentException.class, () -> Reject.of("a.txt", "file_too_large", Map.of("size", 1)));
  }

  @Test
  void findingsHaveASeverity() {
    assertEquals("warning", CodeCatalog.get().finding("blank_cell").severity());
    assertEquals("error", CodeCatalog.get().finding("invalid_cell").severity());
  }
}
