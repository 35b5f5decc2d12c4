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
    String agencyId,
    String agencyName,
    String category,
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
    return new Finding(sourceFile, null, agencyName, null, year, ruleId, entry.severity(), cells,
        expected, actual, difference, m.zh(), m.en(), false, null);
  }

  /** This finding with the catalog's lower severity for an incomplete comparison. */
  public Finding incomplete() {
    String lower = CodeCatalog.get().finding(ruleId).severityWhenIncomplete();
    if (lower == null) {
      throw new IllegalStateException(ruleId + " has no severity_when_incomplete in " + CodeCatalog.RESOURCE);
    }
    return new Finding(sourceFile, agencyId, agencyName, category, year, ruleId, lower, cells, expected,
        actual, difference, messageZh, messageEn, waived, waiverReason);
  }

  /** This finding, attributed to a registry agency (or the name-derived id) and its category. */
  public Finding withAgency(String id, String agencyCategory) {
    return new Finding(sourceFile, id, agencyName, agencyCategory, year, ruleId, severity, cells, expected,
        actual, difference, messageZh, messageEn, waived, waiverReason);
  }

  /** This finding, marked as accepted by the office. */
  public Finding waive(String reason) {
    return new Finding(sourceFile, agencyId, agencyName, category, year, ruleId, severity, cells, expected,
        actual, difference, messageZh, messageEn, true, reason);
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
