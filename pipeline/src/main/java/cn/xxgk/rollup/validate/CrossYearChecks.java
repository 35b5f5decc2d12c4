package cn.xxgk.rollup.validate;

import cn.xxgk.rollup.model.Finding;
import cn.xxgk.rollup.model.Identities;
import cn.xxgk.rollup.model.Report;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The checks between one agency's reports of consecutive years (X1 carry-over, X2 documents in force). */
public final class CrossYearChecks {
  private final Identities identities;
  private final ReportChecks messages;

  public CrossYearChecks(Identities identities, ReportChecks messages) {
    this.identities = identities;
    this.messages = messages;
  }

  /** Findings on {@code current} against {@code previous}, its agency's report of the year before. */
  public List<Finding> check(Report previous, Report current) {
    List<Finding> out = new ArrayList<>();
    if (previous.year() != current.year() - 1) {
      return out;
    }
    BigDecimal[] cur = Identities.known(current);
    BigDecimal[] prev = Identities.known(previous);
    for (Identities.Identity id : identities.all()) {
      if (id.crossYear() && Boolean.FALSE.equals(id.holds(cur, prev))) {
        out.add(messages.identityFinding(current, id, cur, previous, prev));
      }
    }
    return out;
  }
}
