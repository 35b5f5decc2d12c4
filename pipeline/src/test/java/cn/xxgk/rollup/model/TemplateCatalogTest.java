package cn.xxgk.rollup.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TemplateCatalogTest {
  private final TemplateCatalog catalog = TemplateCatalog.get();

  @Test
  void hasTheTwoHundredCellsOfThe2021TemplateInOrder() {
    assertEquals(200, catalog.size());
    assertEquals(10, catalog.cells().stream().filter(c -> c.table() == 2).count());
    assertEquals(175, catalog.cells().stream().filter(c -> c.table() == 3).count());
    assertEquals(15, catalog.cells().stream().filter(c -> c.table() == 4).count());
    for (int i = 0; i < catalog.size(); i++) {
      assertEquals(i, catalog.cells().get(i).index());
    }
  }

  @Test
  void usesThePublishedCodes() {
    assertEquals(List.of("regulation_issued", "regulation_repealed", "regulation_in_force",
        "normative_doc_issued", "normative_doc_repealed", "normative_doc_in_force",
        "licensing_decisions", "penalty_decisions", "coercion_decisions", "fee_amount_wan_yuan"),
        codes(2));
    assertEquals(List.of("received_new", "carried_over_in", "granted", "partly_granted",
        "denied_state_secret", "denied_law_forbidden", "denied_security_stability",
        "denied_third_party", "denied_internal_affairs", "denied_process_info",
        "denied_enforcement_file", "denied_query_service", "unavailable_not_held",
        "unavailable_needs_creation", "unavailable_unclear", "rejected_complaint",
        "rejected_duplicate", "rejected_publication", "rejected_excessive",
        "rejected_confirmation", "other_no_amendment", "other_no_fee", "other_misc",
        "handled_total", "carried_over_out"),
        catalog.table(3).rows().stream().map(TemplateCatalog.Row::code).collect(Collectors.toList()));
    assertEquals(List.of("natural_person", "business", "research", "nonprofit", "legal_service",
        "other_org", "total"),
        catalog.applicants().stream().map(TemplateCatalog.Applicant::code).collect(Collectors.toList()));
    assertEquals(List.of("review_upheld", "review_corrected", "review_other", "review_pending",
        "review_total", "suit_direct_upheld", "suit_direct_corrected", "suit_direct_other",
        "suit_direct_pending", "suit_direct_total", "suit_after_review_upheld",
        "suit_after_review_corrected", "suit_after_review_other", "suit_after_review_pending",
        "suit_after_review_total"), codes(4));
    assertEquals("granted__total", catalog.cells().get(10 + 2 * 7 + 6).code());
  }

  @Test
  void feeIsTheOnlyDecimalCell() {
    List<String> decimals = catalog.cells().stream().filter(c -> c.type() == CellType.DECIMAL)
        .map(TemplateCatalog.Cell::code).collect(Collectors.toList());
    assertEquals(List.of("fee_amount_wan_yuan"), decimals);
    assertEquals("万元", catalog.cell("fee_amount_wan_yuan").unit());
  }

  @Test
  void displaysRowLabelsWithTheirItemNumbers() {
    assertEquals("（三）1.属于国家秘密", row("denied_state_secret").displayLabel());
    assertEquals("一、本年新收政府信息公开申请数量", row("received_new").displayLabel());
    assertEquals("（七）总计", row("handled_total").displayLabel());
  }

  @Test
  void unknownCellCodeFails() {
    assertThrows(IllegalArgumentException.class, () -> catalog.cell("no_such_cell"));
  }

  private List<String> codes(int table) {
    return catalog.cells().stream().filter(c -> c.table() == table)
        .map(TemplateCatalog.Cell::code).collect(Collectors.toList());
  }

  private TemplateCatalog.Row row(String code) {
    return catalog.table(3).rows().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
  }
}
