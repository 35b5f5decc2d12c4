package cn.xxgk.rollup.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The template's arithmetic identities and the cross-year checks, read from
 * {@code schemas/rules.json} and expanded into concrete terms: sum(lhs) = sum(rhs), where a term
 * is a cell of this year's report or of the previous year's, added or subtracted.
 */
public final class Identities {
  public static final String RESOURCE = "/schemas/rules.json";

  /** One term: a cell (catalog index), subtracted or added, of this year or the previous. */
  public record Term(int cell, boolean negative, boolean previous) {}

  /** One concrete identity, e.g. R2 for the row granted; {@code scope} is the for_each value. */
  public record Identity(String ruleId, String scope, String scopeLabel, List<Term> lhs, List<Term> rhs, int[] cells,
      boolean crossYear) {
    /**
     * {@code cells} (this year's cells the identity reads) and {@code crossYear} (whether it
     * compares a report with the previous year's) are derived once here: the search of glued
     * digits asks for them for every candidate reading.
     */
    public Identity(String ruleId, String scope, String scopeLabel, List<Term> lhs, List<Term> rhs) {
      this(ruleId, scope, scopeLabel, lhs, rhs,
          java.util.stream.Stream.concat(lhs.stream(), rhs.stream()).filter(t -> !t.previous()).mapToInt(Term::cell).toArray(),
          lhs.stream().anyMatch(Term::previous) || rhs.stream().anyMatch(Term::previous));
    }

    public int[] lhsCells() {
      return lhs.stream().mapToInt(Term::cell).toArray();
    }

    public int[] rhsCells() {
      return rhs.stream().mapToInt(Term::cell).toArray();
    }

    /** Whether the identity holds for one report's values; null when a value it needs is unknown. */
    public Boolean holds(BigDecimal[] values) {
      return holds(values, null);
    }

    /** Whether it holds for this year's and the previous year's values; null when one is unknown. */
    public Boolean holds(BigDecimal[] current, BigDecimal[] previous) {
      BigDecimal l = lhsSum(current, previous);
      BigDecimal r = rhsSum(current, previous);
      return l == null || r == null ? null : l.compareTo(r) == 0;
    }

    public BigDecimal lhsSum(BigDecimal[] current, BigDecimal[] previous) {
      return sum(lhs, current, previous);
    }

    public BigDecimal rhsSum(BigDecimal[] current, BigDecimal[] previous) {
      return sum(rhs, current, previous);
    }

    private static BigDecimal sum(List<Term> terms, BigDecimal[] current, BigDecimal[] previous) {
      BigDecimal s = BigDecimal.ZERO;
      for (Term t : terms) {
        BigDecimal[] values = t.previous() ? previous : current;
        BigDecimal v = values == null ? null : values[t.cell()];
        if (v == null) {
          return null;
        }
        s = t.negative() ? s.subtract(v) : s.add(v);
      }
      return s;
    }
  }

  private static final class Holder {
    static final Identities INSTANCE = load(TemplateCatalog.get());
  }

  private final List<Identity> all;
  private final List<Identity> singleYear;

  private Identities(List<Identity> all) {
    this.all = List.copyOf(all);
    this.singleYear = this.all.stream().filter(i -> !i.crossYear()).toList();
  }

  public static Identities get() {
    return Holder.INSTANCE;
  }

  public List<Identity> all() {
    return all;
  }

  /** The identities within one report (R1-R4), which the decoder of damaged text also uses. */
  public List<Identity> singleYear() {
    return singleYear;
  }

  /**
   * A report's values as the identities see them: ok values; 0 for the sub-rows of a row group
   * printed as one row (such a report has no such cells, they add nothing); null (unknown) for
   * every other cell that is not ok.
   */
  public static BigDecimal[] known(TemplateCatalog catalog, CellStatus[] statuses, BigDecimal[] values) {
    BigDecimal[] v = new BigDecimal[values.length];
    for (int i = 0; i < v.length; i++) {
      if (statuses[i] == CellStatus.OK) {
        v[i] = values[i];
      } else if (statuses[i] == CellStatus.ABSENT && catalog.inCollapsibleGroup(catalog.cells().get(i))) {
        v[i] = BigDecimal.ZERO;
      }
    }
    return v;
  }

  /** {@link #known(TemplateCatalog, CellStatus[], BigDecimal[])} of a parsed report. */
  public static BigDecimal[] known(Report r) {
    CellStatus[] s = new CellStatus[r.cellCount()];
    BigDecimal[] v = new BigDecimal[r.cellCount()];
    for (int i = 0; i < s.length; i++) {
      s[i] = r.status(i);
      v[i] = r.value(i);
    }
    return known(TemplateCatalog.get(), s, v);
  }

  static Identities load(TemplateCatalog catalog) {
    try (InputStream in = Identities.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("rules not on the classpath: " + RESOURCE);
      }
      JsonNode root = new ObjectMapper().readTree(in);
      List<Identity> out = new ArrayList<>();
      for (JsonNode rule : root.path("identities")) {
        Iterator<Map.Entry<String, JsonNode>> vars = rule.path("for_each").fields();
        Map.Entry<String, JsonNode> var = vars.next();
        for (String value : values(var.getValue(), catalog)) {
          out.add(new Identity(rule.path("rule_id").asText(), value,
              scopeLabel(rule, value, catalog),
              terms(rule.path("lhs"), var.getKey(), value, catalog),
              terms(rule.path("rhs"), var.getKey(), value, catalog)));
        }
      }
      return new Identities(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String scopeLabel(JsonNode rule, String value, TemplateCatalog catalog) {
    JsonNode explicit = rule.path("scope_labels").get(value);
    if (explicit != null) {
      return explicit.asText();
    }
    for (TemplateCatalog.Applicant a : catalog.applicants()) {
      if (a.code().equals(value)) {
        return a.labelZh();
      }
    }
    for (TemplateCatalog.Row r : catalog.table(3).rows()) {
      if (r.code().equals(value)) {
        return r.displayLabel();
      }
    }
    return value;
  }

  private static List<String> values(JsonNode spec, TemplateCatalog catalog) {
    List<String> values = new ArrayList<>();
    if (spec.isArray()) {
      spec.forEach(v -> values.add(v.asText()));
    } else if (spec.asText().equals("@applicants")) {
      catalog.applicants().forEach(a -> values.add(a.code()));
    } else if (spec.asText().equals("@table3_rows")) {
      catalog.table(3).rows().forEach(r -> values.add(r.code()));
    } else {
      throw new IllegalStateException("unknown for_each values in " + RESOURCE + ": " + spec);
    }
    return values;
  }

  private static List<Term> terms(JsonNode templates, String var, String value, TemplateCatalog catalog) {
    List<Term> out = new ArrayList<>();
    for (JsonNode t : templates) {
      String s = t.asText().replace("{" + var + "}", value);
      boolean negative = s.startsWith("-");
      s = negative ? s.substring(1) : s;
      boolean previous = s.startsWith("prev:");
      s = previous ? s.substring("prev:".length()) : s;
      out.add(new Term(catalog.cell(s).index(), negative, previous));
    }
    return List.copyOf(out);
  }
}
