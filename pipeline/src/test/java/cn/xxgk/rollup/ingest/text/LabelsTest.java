package cn.xxgk.rollup.ingest.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xxgk.rollup.model.TemplateCatalog;
import org.junit.jupiter.api.Test;

class LabelsTest {
  private final TemplateCatalog.Table t3 = TemplateCatalog.get().table(3);

  @Test
  void parsesTheItemNumberingsReportsUse() {
    assertEquals(new Labels.Parsed("1", "属于国家秘密"), Labels.parse("1、属于国家秘密"));
    assertEquals(new Labels.Parsed("1", "属于国家秘密"), Labels.parse("1．属于 国家秘密"));
    assertEquals(new Labels.Parsed("(三)", "不予公开"), Labels.parse("（三）不予公开"));
    assertEquals(new Labels.Parsed("一", "本年新收政府信息公开申请数量"), Labels.parse("一、本年新收政府信息公开申请数量"));
    assertEquals(new Labels.Parsed(null, "危及三安全一稳定"), Labels.parse("危及“三安全一稳定”"));
  }

  @Test
  void matchesFullWrappedAndMisspeltLabels() {
    assertTrue(Labels.matches("2.其他法律行政法规禁止公开", row("denied_law_forbidden")));
    assertTrue(Labels.matches("（二）部分公开（区分处理的，只计这一情", row("partly_granted")));
    assertTrue(Labels.matches("1、申请人无正当理由逾期不补", row("other_no_amendment")));
    // 洪泽 2023 prints 其他法律行政止公开: the item number agrees and most words do.
    assertTrue(Labels.matches("2.其他法律行政止公开", row("denied_law_forbidden")));
    assertTrue(Labels.matches("3、其他", row("other_misc")));
    assertTrue(Labels.matches("（七）总计", row("handled_total")));
  }

  @Test
  void doesNotMatchOtherRowsHeadersOrFragments() {
    assertFalse(Labels.matches("3.危及“三安全一稳定”", row("denied_law_forbidden")));
    assertFalse(Labels.matches("2.其他法律行政止公开", row("denied_state_secret")));
    // the middle of a wrapped label is not the start of another row's label
    assertFalse(Labels.matches("正、行政机关不再处理其政府信", row("other_no_fee")));
    // the applicant headers 其他 and 总计 are not the rows （六）3 and （七）
    assertFalse(Labels.matches("其他", row("other_misc")));
    assertFalse(Labels.matches("总计", row("handled_total")));
    assertFalse(Labels.matches("2.另一种申请", row("rejected_duplicate")));
  }

  @Test
  void longestCommonSubsequence() {
    assertEquals(9, Labels.lcs("其他法律行政止公开", "其他法律行政法规禁止公开"));
    assertEquals(0, Labels.lcs("", "abc"));
  }

  private TemplateCatalog.Row row(String code) {
    return t3.rows().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
  }
}
