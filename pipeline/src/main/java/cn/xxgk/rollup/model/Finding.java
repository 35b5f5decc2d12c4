package cn.xxgk.rollup.model;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;

/**
 * One thing a person should look at in one report: which rule, which cells, what was expected
 * and what was found. {@code cells} lists cell codes separated by {@code ;}.
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
    String messageEn) {

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
        expected, actual, difference, m.zh(), m.en());
  }
}
