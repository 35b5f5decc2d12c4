package cn.xxgk.rollup.validate;

import cn.xxgk.rollup.model.Finding;
import cn.xxgk.rollup.model.Identities;
import cn.xxgk.rollup.model.Narrative;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.TemplateCatalog;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The checks of one report: the template's identities (R1-R4), the year (R6) and the narrative
 * against the tables (N1). Identity rules read only known cells: a rule with an unknown cell
 * reports nothing (the blank, invalid or ambiguous finding already says why).
 */
public final class ReportChecks {
  /** The first year of the 2021 template. */
  static final int TEMPLATE_2021_FIRST_YEAR = 2021;
  private static final int MAX_LABELS_IN_MESSAGE = 3;

  private final TemplateCatalog catalog;
  private final Identities identities;
  private final Narrative narrative;

  public ReportChecks(TemplateCatalog catalog, Identities identities, Narrative narrative) {
    this.catalog = catalog;
    this.identities = identities;
    this.narrative = narrative;
  }

  public List<Finding> check(Report r) {
    List<Finding> out = new ArrayList<>();
    BigDecimal[] known = Identities.known(r);
    for (Identities.Identity id : identities.singleYear()) {
      if (Boolean.FALSE.equals(id.holds(known))) {
        out.add(identityFinding(r, id, known, null, null));
      }
    }
    year(r, out);
    narrative(r, known, out);
    return out;
  }

  /** A finding for a broken identity: actual = lhs, expected = rhs, difference = actual - expected. */
  Finding identityFinding(Report r, Identities.Identity id, BigDecimal[] current, Report previous,
      BigDecimal[] previousValues) {
    BigDecimal lhs = id.lhsSum(current, previousValues);
    BigDecimal rhs = id.rhsSum(current, previousValues);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("scope", id.scopeLabel());
    p.put("lhs", lhs);
    p.put("rhs", rhs);
    p.put("difference", lhs.subtract(rhs));
    if (previous != null) {
      p.put("prev_year", previous.year());
      p.put("prev_file", previous.sourceFile());
    }
    List<String> cells = new ArrayList<>();
    for (Identities.Term t : id.lhs()) {
      cells.add(term(t));
    }
    for (Identities.Term t : id.rhs()) {
      cells.add(term(t));
    }
    return Finding.of(r.sourceFile(), r.agencyName(), r.year(), id.ruleId(), String.join(";", cells), rhs, lhs, p);
  }

  private String term(Identities.Term t) {
    return (t.previous() ? "prev:" : "") + catalog.cells().get(t.cell()).code();
  }

  private static void year(Report r, List<Finding> out) {
    String detail = null;
    if (r.periodYear() != null && r.periodYear() != r.year()) {
      detail = "标题年度为" + r.year() + "年，统计期限为" + r.periodYear() + "年，两者不一致";
    } else if (r.templateVersion().equals("2021") && r.year() < TEMPLATE_2021_FIRST_YEAR) {
      detail = "统计年度为" + r.year() + "年，而报告采用自" + TEMPLATE_2021_FIRST_YEAR + "年度起使用的2021年格式";
    }
    if (detail != null) {
      out.add(Finding.of(r.sourceFile(), r.agencyName(), r.year(), "R6", "", null, null, Map.of("detail", detail)));
    }
  }

  /** N1: each number the text states must match at least one reading of it in the tables. */
  private void narrative(Report r, BigDecimal[] known, List<Finding> out) {
    for (Map.Entry<String, List<BigDecimal>> e : r.stated().entrySet()) {
      Narrative.Statement s = narrative.statement(e.getKey());
      List<BigDecimal> readings = new ArrayList<>();
      List<List<String>> readable = new ArrayList<>();
      for (List<String> cells : s.readings()) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String code : cells) {
          BigDecimal v = known[catalog.cell(code).index()];
          sum = v == null || sum == null ? null : sum.add(v);
        }
        if (sum != null) {
          readings.add(sum);
          readable.add(cells);
        }
      }
      if (readings.isEmpty()) {
        continue; // the tables do not say: nothing to compare
      }
      for (BigDecimal stated : e.getValue()) {
        if (readings.stream().noneMatch(v -> v.compareTo(stated) == 0)) {
          String described = "";
          for (int i = 0; i < readings.size(); i++) {
            described += (i == 0 ? "" : "；") + describe(readable.get(i)) + "为" + readings.get(i).toPlainString();
          }
          Map<String, Object> p = new LinkedHashMap<>();
          p.put("statement", s.labelZh());
          p.put("stated", stated);
          p.put("readings", described);
          out.add(Finding.of(r.sourceFile(), r.agencyName(), r.year(), "N1", String.join(";", readable.get(0)),
              readings.get(0), stated, p));
        }
      }
    }
  }

  /** "表三 一、本年新收…（总计）" or a sum of such labels, shortened. */
  private String describe(List<String> cells) {
    List<String> labels = cells.stream().map(code -> {
      TemplateCatalog.Cell c = catalog.cell(code);
      if (c.applicantCode() == null) {
        return c.labelZh();
      }
      TemplateCatalog.Row row = catalog.table(3).rows().stream()
          .filter(x -> x.code().equals(c.rowCode())).findFirst().orElseThrow();
      return row.displayLabel();
    }).collect(Collectors.toList());
    String joined = labels.stream().limit(MAX_LABELS_IN_MESSAGE).collect(Collectors.joining("+"));
    return labels.size() > MAX_LABELS_IN_MESSAGE ? joined + "等" + labels.size() + "项之和" : joined;
  }
}
