package cn.xxgk.rollup.model;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One normalized annual report: who, which year, where it came from, and the status and value of
 * every template cell, indexed in {@link TemplateCatalog} order. A value is non-null exactly when
 * its status is {@link CellStatus#OK}.
 */
public final class Report {
  public static final Comparator<Report> ORDER = Comparator.comparing(Report::sourceFile);

  private final String sourceFile;
  private final String agencyName;
  private final String agencyId;
  private final String category;
  private final boolean aggregate;
  private final int year;
  private final SourceForm sourceForm;
  private final String templateVersion;
  private final Integer periodYear;
  private final CellStatus[] statuses;
  private final BigDecimal[] values;
  private final Map<String, List<BigDecimal>> stated;
  private final List<Finding> findings;
  private final Provenance provenance;

  /**
   * @param periodYear the year of the statistics period (统计期限), null when the text gives none
   * @param stated numbers the narrative states, by {@link Narrative} statement id
   */
  public Report(
      String sourceFile,
      String agencyName,
      String agencyId,
      String category,
      boolean aggregate,
      int year,
      Integer periodYear,
      SourceForm sourceForm,
      String templateVersion,
      CellStatus[] statuses,
      BigDecimal[] values,
      Map<String, List<BigDecimal>> stated,
      List<Finding> findings,
      Provenance provenance) {
    if (statuses.length != values.length) {
      throw new IllegalArgumentException("statuses and values differ in length");
    }
    for (int i = 0; i < statuses.length; i++) {
      if ((statuses[i] == CellStatus.OK) != (values[i] != null)) {
        throw new IllegalArgumentException("cell " + i + ": value must be present exactly when status is ok");
      }
    }
    this.sourceFile = Objects.requireNonNull(sourceFile);
    this.agencyName = Objects.requireNonNull(agencyName);
    this.agencyId = Objects.requireNonNull(agencyId);
    this.category = Objects.requireNonNull(category);
    this.aggregate = aggregate;
    this.year = year;
    this.periodYear = periodYear;
    this.sourceForm = Objects.requireNonNull(sourceForm);
    this.templateVersion = Objects.requireNonNull(templateVersion);
    this.statuses = statuses.clone();
    this.values = values.clone();
    this.stated = Collections.unmodifiableMap(new LinkedHashMap<>(stated));
    this.findings = List.copyOf(findings);
    this.provenance = Objects.requireNonNull(provenance);
  }

  /** The same report with another list of findings (after validation). */
  public Report withFindings(List<Finding> newFindings) {
    return new Report(sourceFile, agencyName, agencyId, category, aggregate, year, periodYear, sourceForm,
        templateVersion, statuses, values, stated, newFindings, provenance);
  }

  /**
   * The same report attributed to a registry agency, its category and whether it is an area's
   * aggregate report; its findings too.
   */
  public Report withAgency(String id, String agencyCategory, boolean isAggregate) {
    List<Finding> stamped = findings.stream().map(f -> f.withAgency(id, agencyCategory)).toList();
    return new Report(sourceFile, agencyName, id, agencyCategory, isAggregate, year, periodYear, sourceForm,
        templateVersion, statuses, values, stated, stamped, provenance);
  }

  /** The same report with the facts of its file (hash, size, time, revision). */
  public Report withProvenance(Provenance p) {
    return new Report(sourceFile, agencyName, agencyId, category, aggregate, year, periodYear, sourceForm,
        templateVersion, statuses, values, stated, findings, p);
  }

  public Provenance provenance() {
    return provenance;
  }

  /** Whether this is an area's aggregate report (never added to sums; reconciled instead). */
  public boolean aggregate() {
    return aggregate;
  }

  public String sourceFile() {
    return sourceFile;
  }

  public String agencyName() {
    return agencyName;
  }

  /** The registry agency's id, or {@code name:<normalised name>} for an agency not in a registry. */
  public String agencyId() {
    return agencyId;
  }

  /** The registry agency's category, or {@code unknown}. */
  public String category() {
    return category;
  }

  public int year() {
    return year;
  }

  /** The year of the statistics period (统计期限), or null when the text gives none. */
  public Integer periodYear() {
    return periodYear;
  }

  /** Numbers the narrative states, by statement id of {@link Narrative}. */
  public Map<String, List<BigDecimal>> stated() {
    return stated;
  }

  /** Errors that are not waived. */
  public int errorCount() {
    return (int) findings.stream().filter(Finding::isError).count();
  }

  /** Warnings that are not waived. */
  public int warningCount() {
    return (int) findings.stream().filter(Finding::isWarning).count();
  }

  public SourceForm sourceForm() {
    return sourceForm;
  }

  public String templateVersion() {
    return templateVersion;
  }

  public int cellCount() {
    return statuses.length;
  }

  public CellStatus status(int index) {
    return statuses[index];
  }

  /** The cell's value, or null when its status is not ok. */
  public BigDecimal value(int index) {
    return values[index];
  }

  public CellStatus status(String code) {
    return statuses[TemplateCatalog.get().cell(code).index()];
  }

  public BigDecimal value(String code) {
    return values[TemplateCatalog.get().cell(code).index()];
  }

  /** Findings about this report: from reading it, then from validating it. */
  public List<Finding> findings() {
    return findings;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Report r)) {
      return false;
    }
    return year == r.year
        && Objects.equals(periodYear, r.periodYear)
        && stated.equals(r.stated)
        && sourceFile.equals(r.sourceFile)
        && agencyName.equals(r.agencyName)
        && agencyId.equals(r.agencyId)
        && category.equals(r.category)
        && aggregate == r.aggregate
        && sourceForm == r.sourceForm
        && templateVersion.equals(r.templateVersion)
        && Arrays.equals(statuses, r.statuses)
        && Arrays.equals(values, r.values)
        && findings.equals(r.findings)
        && provenance.equals(r.provenance);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sourceFile, agencyName, year, sourceForm, templateVersion);
  }

  @Override
  public String toString() {
    return "Report{" + sourceFile + ", " + agencyName + ", " + year + ", " + sourceForm.code() + "}";
  }
}
