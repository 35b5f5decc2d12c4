package cn.xxgk.rollup.model;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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
  private final int year;
  private final SourceForm sourceForm;
  private final String templateVersion;
  private final CellStatus[] statuses;
  private final BigDecimal[] values;
  private final List<Finding> findings;

  public Report(
      String sourceFile,
      String agencyName,
      int year,
      SourceForm sourceForm,
      String templateVersion,
      CellStatus[] statuses,
      BigDecimal[] values,
      List<Finding> findings) {
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
    this.year = year;
    this.sourceForm = Objects.requireNonNull(sourceForm);
    this.templateVersion = Objects.requireNonNull(templateVersion);
    this.statuses = statuses.clone();
    this.values = values.clone();
    this.findings = List.copyOf(findings);
  }

  public String sourceFile() {
    return sourceFile;
  }

  public String agencyName() {
    return agencyName;
  }

  public int year() {
    return year;
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

  /** Findings raised while reading the report (blank and invalid cells). */
  public List<Finding> findings() {
    return findings;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Report r)) {
      return false;
    }
    return year == r.year
        && sourceFile.equals(r.sourceFile)
        && agencyName.equals(r.agencyName)
        && sourceForm == r.sourceForm
        && templateVersion.equals(r.templateVersion)
        && Arrays.equals(statuses, r.statuses)
        && Arrays.equals(values, r.values)
        && findings.equals(r.findings);
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
