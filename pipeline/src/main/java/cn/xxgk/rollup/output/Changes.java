package cn.xxgk.rollup.output;

import cn.xxgk.rollup.model.TemplateCatalog;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a re-run changed against the previously published output: report cells (kind
 * {@code cell}), city totals ({@code rollup}) and ranks ({@code rank}). Compares the two runs'
 * own tables, so it needs nothing but the folders.
 */
public final class Changes {
  /** One change. For a cell, item/applicant as in metrics; for a rank, item is the indicator and applicant the scope. */
  public record Change(String kind, String agencyId, String agencyName, int year, String item, String applicant,
      BigDecimal oldValue, BigDecimal newValue, String oldStatus, String newStatus) {}

  private Changes() {}

  public static List<Change> compute(Path previous, Path current) throws IOException {
    List<Change> out = new ArrayList<>();
    if (previous == null) {
      return out;
    }
    cells(previous, current, out);
    rollups(CsvTables.read(previous, "rollup_city"), CsvTables.read(current, "rollup_city"), out);
    ranks(CsvTables.read(previous, "rankings"), CsvTables.read(current, "rankings"), out);
    return out;
  }

  /** The agencies (names) whose own figures changed, for the run summary. */
  public static Set<String> agencies(List<Change> changes) {
    Set<String> names = new TreeSet<>();
    changes.stream().filter(c -> c.kind().equals("cell")).forEach(c -> names.add(c.agencyName()));
    return names;
  }

  /**
   * Report cells, in two streaming passes over each run's metrics (sorted by report): first a
   * fingerprint of each agency-year's cells, then the cells of only the agency-years whose
   * fingerprints differ. Memory grows with the number of reports, not of cells.
   */
  private static void cells(Path previous, Path current, List<Change> out) throws IOException {
    Map<String, Integer> old = fingerprints(previous);
    Map<String, Integer> now = fingerprints(current);
    Set<String> differ = new TreeSet<>(old.keySet());
    differ.addAll(now.keySet());
    differ.removeIf(k -> java.util.Objects.equals(old.get(k), now.get(k)));
    if (differ.isEmpty()) {
      return;
    }
    Map<String, Map<String, String>> o = cellsOf(previous, differ);
    Map<String, Map<String, String>> n = cellsOf(current, differ);
    Set<String> keys = new TreeSet<>(o.keySet());
    keys.addAll(n.keySet());
    for (String k : keys) {
      Map<String, String> a = o.get(k);
      Map<String, String> b = n.get(k);
      String oldStatus = a == null ? "none" : a.get("status");
      String newStatus = b == null ? "none" : b.get("status");
      BigDecimal ov = a == null ? null : number(a.get("value"));
      BigDecimal nv = b == null ? null : number(b.get("value"));
      if (!oldStatus.equals(newStatus) || !same(ov, nv)) {
        Map<String, String> any = b != null ? b : a;
        out.add(new Change("cell", any.get("agency_id"), CsvTables.text(any.get("agency_name")),
            Integer.parseInt(any.get("year")), any.get("item"), any.get("applicant"), ov, nv, oldStatus, newStatus));
      }
    }
  }

  private static String reportKey(org.apache.commons.csv.CSVRecord r) {
    return r.get("agency_id") + "\u0001" + r.get("year");
  }

  private static Map<String, Integer> fingerprints(Path run) throws IOException {
    Map<String, Integer> f = new java.util.HashMap<>();
    CsvTables.forEach(run, "metrics", r -> f.merge(reportKey(r),
        java.util.Objects.hash(r.get("item"), r.get("applicant"), normal(r.get("value")), r.get("status")),
        (x, y) -> 31 * x + y));
    return f;
  }

  private static Map<String, Map<String, String>> cellsOf(Path run, Set<String> reports) throws IOException {
    Map<String, Map<String, String>> m = new TreeMap<>();
    CsvTables.forEach(run, "metrics", r -> {
      String key = reportKey(r);
      if (reports.contains(key)) {
        m.put(key + "\u0001" + r.get("item") + "\u0001" + r.get("applicant"), r.toMap());
      }
    });
    return m;
  }

  private static String normal(String v) {
    return v == null || v.isEmpty() ? "" : new BigDecimal(v).stripTrailingZeros().toPlainString();
  }

  private static void rollups(List<Map<String, String>> before, List<Map<String, String>> after, List<Change> out) {
    Map<String, Map<String, String>> old = index(before, "year");
    Map<String, Map<String, String>> now = index(after, "year");
    Set<String> years = new TreeSet<>(old.keySet());
    years.addAll(now.keySet());
    for (String y : years) {
      for (TemplateCatalog.Cell c : TemplateCatalog.get().cells()) {
        BigDecimal ov = old.containsKey(y) ? number(old.get(y).get(c.code())) : null;
        BigDecimal nv = now.containsKey(y) ? number(now.get(y).get(c.code())) : null;
        if (!same(ov, nv)) {
          String year = (now.containsKey(y) ? now.get(y) : old.get(y)).get("year");
          out.add(new Change("rollup", "city", "全市", Integer.parseInt(year), c.item(),
              c.applicantCode() == null ? "" : c.applicantCode(), ov, nv, null, null));
        }
      }
    }
  }

  private static void ranks(List<Map<String, String>> before, List<Map<String, String>> after, List<Change> out) {
    Map<String, Map<String, String>> old = index(before, "year", "scope", "indicator", "agency_id");
    Map<String, Map<String, String>> now = index(after, "year", "scope", "indicator", "agency_id");
    Set<String> keys = new TreeSet<>(old.keySet());
    keys.addAll(now.keySet());
    for (String k : keys) {
      Map<String, String> o = old.get(k);
      Map<String, String> n = now.get(k);
      BigDecimal ov = o == null ? null : number(o.get("rank"));
      BigDecimal nv = n == null ? null : number(n.get("rank"));
      if (!same(ov, nv)) {
        Map<String, String> any = n != null ? n : o;
        out.add(new Change("rank", any.get("agency_id"), CsvTables.text(any.get("agency_name")),
            Integer.parseInt(any.get("year")), any.get("indicator"), any.get("scope"), ov, nv, null, null));
      }
    }
  }

  private static Map<String, Map<String, String>> index(List<Map<String, String>> rows, String... key) {
    Map<String, Map<String, String>> m = new TreeMap<>();
    for (Map<String, String> r : rows) {
      StringBuilder k = new StringBuilder();
      for (String column : key) {
        k.append(r.get(column)).append('\u0001');
      }
      m.put(k.toString(), r);
    }
    return m;
  }

  private static BigDecimal number(String s) {
    return s == null || s.isEmpty() ? null : new BigDecimal(s);
  }

  private static boolean same(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }
}
