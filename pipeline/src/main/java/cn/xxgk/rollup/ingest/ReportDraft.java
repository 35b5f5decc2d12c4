package cn.xxgk.rollup.ingest;

import cn.xxgk.rollup.ingest.text.CellText;
import cn.xxgk.rollup.ingest.text.TextCell;
import cn.xxgk.rollup.model.CellStatus;
import cn.xxgk.rollup.model.CellType;
import cn.xxgk.rollup.model.Finding;
import cn.xxgk.rollup.model.Identities;
import cn.xxgk.rollup.model.Narrative;
import cn.xxgk.rollup.model.Provenance;
import cn.xxgk.rollup.model.Registry;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.SourceForm;
import cn.xxgk.rollup.model.TemplateCatalog;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report being filled in by a parser, whatever the form. Turns each cell's source text into a
 * status and value by the catalog's type, and raises the parse-level findings (blank, invalid),
 * so every form treats cells the same way.
 */
public final class ReportDraft {
  /** Counts above this are not plausible for any agency and are treated as misread. */
  static final BigDecimal MAX_VALUE = new BigDecimal("999999999999");
  private static final int MAX_DECIMAL_SCALE = 4;

  private final TemplateCatalog catalog = TemplateCatalog.get();
  private final String sourceFile;
  private final String agencyName;
  private final int year;
  private final Integer periodYear;
  private final CellStatus[] statuses;
  private final BigDecimal[] values;
  private final List<Finding> findings = new ArrayList<>();
  private String templateVersion;
  private Map<String, List<BigDecimal>> stated = Map.of();
  private Integer revision;

  public ReportDraft(String sourceFile, String agencyName, int year, Integer periodYear) {
    this.sourceFile = sourceFile;
    this.agencyName = agencyName;
    this.year = year;
    this.periodYear = periodYear;
    this.statuses = new CellStatus[catalog.size()];
    this.values = new BigDecimal[catalog.size()];
    this.templateVersion = catalog.templateVersion();
  }

  public void templateVersion(String version) {
    this.templateVersion = version;
  }

  /** Records the revision a structured submission states. */
  public void revision(Integer r) {
    this.revision = r;
  }

  /** Records what the narrative states, from the text outside the tables. */
  public void narrative(String text) {
    String compact = Narrative.compact(text);
    Map<String, List<BigDecimal>> found = new LinkedHashMap<>();
    for (Narrative.Statement s : Narrative.get().statements()) {
      List<BigDecimal> values = Narrative.stated(compact, s);
      if (!values.isEmpty()) {
        found.put(s.id(), values);
      }
    }
    this.stated = found;
  }

  /** Records the source text of a cell. */
  public void set(TemplateCatalog.Cell cell, TextCell source) {
    switch (source.kind()) {
      case EMPTY -> {
        statuses[cell.index()] = CellStatus.BLANK;
        findings.add(Finding.of(sourceFile, agencyName, year, "blank_cell", cell.code(), null, null,
            describe(cell, "")));
      }
      case NUMBER -> {
        BigDecimal v = CellText.number(source.text());
        BigDecimal stripped = v.stripTrailingZeros();
        boolean valid = cell.type() == CellType.COUNT
            ? stripped.scale() <= 0
            : stripped.scale() <= MAX_DECIMAL_SCALE;
        if (valid && v.compareTo(MAX_VALUE) <= 0) {
          statuses[cell.index()] = CellStatus.OK;
          values[cell.index()] = cell.type() == CellType.COUNT ? v.setScale(0) : v;
        } else {
          invalid(cell, source.text());
        }
      }
      case PLACEHOLDER, TEXT -> invalid(cell, source.text());
    }
  }

  public void setAbsent(TemplateCatalog.Cell cell) {
    statuses[cell.index()] = CellStatus.ABSENT;
  }

  /** Records a decoded value (from glued digits) through the same checks as printed text. */
  public void set(TemplateCatalog.Cell cell, long value) {
    set(cell, TextCell.of(Long.toString(value)));
  }

  /**
   * Marks cells whose reading is not unique and raises one {@code ambiguous_split} finding for
   * them, listing the readings that survived.
   */
  public void setAmbiguous(TemplateCatalog.Row row, List<TemplateCatalog.Cell> cells, String digits,
      List<String> candidates) {
    StringBuilder codes = new StringBuilder();
    StringBuilder labels = new StringBuilder();
    for (TemplateCatalog.Cell c : cells) {
      statuses[c.index()] = CellStatus.AMBIGUOUS;
      codes.append(codes.length() == 0 ? "" : ";").append(c.code());
      labels.append(labels.length() == 0 ? "" : "、").append(columnLabel(c));
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("table", shortName(catalog.table(row.table())));
    p.put("row", row.displayLabel());
    p.put("digits", digits);
    p.put("count", candidates.size());
    p.put("candidates", String.join(" | ", candidates));
    p.put("cells_zh", labels.toString());
    p.put("cells_en", codes.toString().replace(";", ", "));
    findings.add(Finding.of(sourceFile, agencyName, year, "ambiguous_split", codes.toString(), null, null, p));
  }

  public int findingCount() {
    return findings.size();
  }

  /** Drops the findings raised after {@code mark} (a reading attempt that was abandoned). */
  public void truncateFindings(int mark) {
    findings.subList(mark, findings.size()).clear();
  }

  /**
   * Reads blank cells as 0 where the template's identities leave no other possibility: when every
   * other cell of an identity is known and the blank cells (counts, never negative) must add up to
   * 0, each of them is 0. Pages that leave zero cells empty (a common Word habit) then give their
   * real figures. The cells read so are listed in one {@code blank_read_as_zero} warning instead of
   * their {@code blank_cell} warnings; nothing else is ever filled in.
   */
  public void inferZeroBlanks(Identities identities) {
    List<TemplateCatalog.Cell> inferred = new ArrayList<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      BigDecimal[] known = valuesForIdentities();
      for (Identities.Identity id : identities.singleYear()) {
        List<Integer> blanks = new ArrayList<>();
        BigDecimal lhs = BigDecimal.ZERO;
        BigDecimal rhs = BigDecimal.ZERO;
        boolean blankOnLhs = false;
        boolean blankOnRhs = false;
        boolean unknown = false;
        for (Identities.Term t : id.lhs()) {
          if (statuses[t.cell()] == CellStatus.BLANK) {
            blanks.add(t.cell());
            blankOnLhs = true;
          } else if (known[t.cell()] == null) {
            unknown = true;
          } else {
            lhs = t.negative() ? lhs.subtract(known[t.cell()]) : lhs.add(known[t.cell()]);
          }
        }
        for (Identities.Term t : id.rhs()) {
          if (statuses[t.cell()] == CellStatus.BLANK) {
            blanks.add(t.cell());
            blankOnRhs = true;
          } else if (known[t.cell()] == null) {
            unknown = true;
          } else {
            rhs = t.negative() ? rhs.subtract(known[t.cell()]) : rhs.add(known[t.cell()]);
          }
        }
        boolean oneSide = blankOnLhs != blankOnRhs;
        boolean allAdded = id.lhs().stream().noneMatch(Identities.Term::negative) && id.rhs().stream().noneMatch(Identities.Term::negative);
        if (!blanks.isEmpty() && !unknown && oneSide && allAdded && lhs.compareTo(rhs) == 0) {
          for (int cell : blanks) {
            statuses[cell] = CellStatus.OK;
            values[cell] = BigDecimal.ZERO;
            inferred.add(catalog.cells().get(cell));
          }
          changed = true;
        }
      }
    }
    if (inferred.isEmpty()) {
      return;
    }
    inferred.sort(java.util.Comparator.comparingInt(TemplateCatalog.Cell::index));
    java.util.Set<String> codes = new java.util.LinkedHashSet<>();
    inferred.forEach(c -> codes.add(c.code()));
    findings.removeIf(f -> f.ruleId().equals("blank_cell") && codes.contains(f.cells()));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("count", codes.size());
    p.put("cells", String.join("、", codes.stream().limit(8).toList()) + (codes.size() > 8 ? "等" : ""));
    findings.add(Finding.of(sourceFile, agencyName, year, "blank_read_as_zero", String.join(";", codes), null, null, p));
  }

  /** The values as the identities see them ({@link Identities#known}). */
  public BigDecimal[] valuesForIdentities() {
    return Identities.known(catalog, statuses, values);
  }

  /** The status recorded so far for a cell (null when not yet set). */
  public CellStatus status(TemplateCatalog.Cell cell) {
    return statuses[cell.index()];
  }

  private void invalid(TemplateCatalog.Cell cell, String text) {
    statuses[cell.index()] = CellStatus.INVALID;
    findings.add(Finding.of(sourceFile, agencyName, year, "invalid_cell", cell.code(), null, null,
        describe(cell, text)));
  }

  private Map<String, Object> describe(TemplateCatalog.Cell cell, String text) {
    TemplateCatalog.Table table = catalog.table(cell.table());
    TemplateCatalog.Row row = null;
    for (TemplateCatalog.Row r : table.rows()) {
      if (r.code().equals(cell.rowCode())) {
        row = r;
      }
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("table", shortName(table));
    p.put("row", row == null ? cell.rowCode() : row.displayLabel());
    p.put("column", columnLabel(cell));
    p.put("text", text);
    p.put("kind", cell.type() == CellType.COUNT ? "非负整数" : "非负金额");
    p.put("kind_en", cell.type() == CellType.COUNT ? "non-negative whole number" : "non-negative amount");
    return p;
  }

  private String columnLabel(TemplateCatalog.Cell cell) {
    return cell.applicantCode() == null ? cell.labelZh() : applicantLabel(cell.applicantCode());
  }

  private String applicantLabel(String code) {
    for (TemplateCatalog.Applicant a : catalog.applicants()) {
      if (a.code().equals(code)) {
        return a.labelZh() + "列";
      }
    }
    return code;
  }

  /** "表三" from "表三 收到和处理…". */
  public static String shortName(TemplateCatalog.Table table) {
    int space = table.nameZh().indexOf(' ');
    return space < 0 ? table.nameZh() : table.nameZh().substring(0, space);
  }

  public Report build(SourceForm form) {
    for (int i = 0; i < statuses.length; i++) {
      if (statuses[i] == null) {
        throw new IllegalStateException("parser left cell " + catalog.cells().get(i).code() + " unset");
      }
    }
    // until a registry says otherwise, an agency is known by its printed name
    return new Report(sourceFile, agencyName, Registry.none().agencyIdOf(agencyName), Registry.UNKNOWN_CATEGORY,
        false, year, periodYear, form, templateVersion, statuses, values, stated, findings,
        new Provenance("", 0, 0, revision));
  }
}
