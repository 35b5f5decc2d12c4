package cn.xxgk.rollup.model;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;

/**
 * One thing a person should look at in one report: which rule, which cells, what was expected
 * and what was found. {@code cells} lists cell codes separated by {@code ;} (a previous-year
 * cell is written {@code prev:code}). A waived finding was accepted by the office (--waivers) and
 * no longer counts as an error or warning.
 */
public record Finding(
    String sourceFile,
    String agencyName,
    Integer year,
    String ruleId,
    String severity,
    String cells,
    BigDecimal expected,
    BigDecimal actual,
    BigDecimal difference,
    String messageZh,
    String messageEn,
    boolean waived,
    String waiverReason) {

  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::sourceFile)
          .thenComparing(Finding::ruleId)
          .thenComparing(Finding::cells)
          .thenComparing(Finding::messageEn);

  /** Builds a finding of a catalog rule; severity and wording come from the code catalog. */
  public static Finding of(
      String sourceFile,
      String agencyName,
      Integer year,
      String ruleId,
      String cells,
      BigDecimal expected,
      BigDecimal actual,
      Map<String, ?> params) {
    CodeCatalog.Entry entry = CodeCatalog.get().finding(ruleId);
    CodeCatalog.Message m = CodeCatalog.render(entry, params);
    BigDecimal difference = expected != null && actual != null ? actual.subtract(expected) : null;
    return new Finding(sourceFile, agencyName, year, ruleId, entry.severity(), cells,
        expected, actual, difference, m.zh(), m.en(), false, null);
  }

  /** This finding, marked as accepted by the office. */
  public Finding waive(String reason) {
    return new Finding(sourceFile, agencyName, year, ruleId, severity, cells, expected, actual,
        difference, messageZh, messageEn, true, reason);
  }

  /** Whether it counts as an error: severity error and not waived. */
  public boolean isError() {
    return !waived && severity.equals("error");
  }

  /** Whether it counts as a warning: severity warning and not waived. */
  public boolean isWarning() {
    return !waived && severity.equals("warning");
  }
}
