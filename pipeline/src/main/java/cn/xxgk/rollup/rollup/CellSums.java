package cn.xxgk.rollup.rollup;

import cn.xxgk.rollup.model.CellStatus;
import cn.xxgk.rollup.model.Identities;
import cn.xxgk.rollup.model.Report;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * The running totals of a set of reports (a year, or a year and category): the sum of each cell
 * over the reports where it is known (null while no report knows it), how many cells were not ok,
 * and how many reports were received, included, excluded, and aggregate.
 */
public final class CellSums {
  final BigDecimal[] sums;
  long notOk;
  long errors;
  int received;
  int included;
  int excluded;
  int aggregates;

  public CellSums(int cells) {
    this.sums = new BigDecimal[cells];
  }

  /** Adds a report: an aggregate is only counted, an excluded report only counted. */
  public void add(Report r, boolean excludeInvalid) {
    if (r.aggregate()) {
      aggregates++;
      return;
    }
    received++;
    if (excludeInvalid && r.errorCount() > 0) {
      excluded++;
      return;
    }
    included++;
    errors += r.errorCount();
    BigDecimal[] known = Identities.known(r);
    for (int i = 0; i < sums.length; i++) {
      if (r.status(i) != CellStatus.OK) {
        notOk++;
      }
      if (known[i] != null) {
        sums[i] = sums[i] == null ? known[i] : sums[i].add(known[i]);
      }
    }
  }

  void merge(CellSums o) {
    for (int i = 0; i < sums.length; i++) {
      if (o.sums[i] != null) {
        sums[i] = sums[i] == null ? o.sums[i] : sums[i].add(o.sums[i]);
      }
    }
    notOk += o.notOk;
    errors += o.errors;
    received += o.received;
    included += o.included;
    excluded += o.excluded;
    aggregates += o.aggregates;
  }

  /** Explicit, deterministic coder. */
  public static final class Coder extends CustomCoder<CellSums> {
    private static final cn.xxgk.rollup.model.DecimalCoder DECIMAL = cn.xxgk.rollup.model.DecimalCoder.of();

    @Override
    public void encode(CellSums s, OutputStream out) throws IOException {
      VarIntCoder.of().encode(s.sums.length, out);
      for (BigDecimal v : s.sums) {
        DECIMAL.encode(v, out);
      }
      VarLongCoder.of().encode(s.notOk, out);
      VarLongCoder.of().encode(s.errors, out);
      VarIntCoder.of().encode(s.received, out);
      VarIntCoder.of().encode(s.included, out);
      VarIntCoder.of().encode(s.excluded, out);
      VarIntCoder.of().encode(s.aggregates, out);
    }

    @Override
    public CellSums decode(InputStream in) throws IOException {
      CellSums s = new CellSums(VarIntCoder.of().decode(in));
      for (int i = 0; i < s.sums.length; i++) {
        s.sums[i] = DECIMAL.decode(in);
      }
      s.notOk = VarLongCoder.of().decode(in);
      s.errors = VarLongCoder.of().decode(in);
      s.received = VarIntCoder.of().decode(in);
      s.included = VarIntCoder.of().decode(in);
      s.excluded = VarIntCoder.of().decode(in);
      s.aggregates = VarIntCoder.of().decode(in);
      return s;
    }

    @Override
    public void verifyDeterministic() {}
  }
}
