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
 * The template's arithmetic identities, read from {@code schemas/rules.json} and expanded into
 * concrete cell lists: sum(lhs) = sum(rhs). Cells are catalog indices.
 */
public final class Identities {
  public static final String RESOURCE = "/schemas/rules.json";

  /** One concrete identity, e.g. R2 for the row granted. */
  public record Identity(String ruleId, int[] lhs, int[] rhs) {
    /** Every cell the identity reads. */
    public int[] cells() {
      int[] all = new int[lhs.length + rhs.length];
      System.arraycopy(lhs, 0, all, 0, lhs.length);
      System.arraycopy(rhs, 0, all, lhs.length, rhs.length);
      return all;
    }

    /** Whether the identity holds for the values; null when a cell it reads is unknown. */
    public Boolean holds(BigDecimal[] values) {
      BigDecimal l = sum(lhs, values);
      BigDecimal r = sum(rhs, values);
      return l == null || r == null ? null : l.compareTo(r) == 0;
    }

    public BigDecimal lhsSum(BigDecimal[] values) {
      return sum(lhs, values);
    }

    public BigDecimal rhsSum(BigDecimal[] values) {
      return sum(rhs, values);
    }

    private static BigDecimal sum(int[] cells, BigDecimal[] values) {
      BigDecimal s = BigDecimal.ZERO;
      for (int c : cells) {
        if (values[c] == null) {
          return null;
        }
        s = s.add(values[c]);
      }
      return s;
    }
  }

  private static final class Holder {
    static final Identities INSTANCE = load(TemplateCatalog.get());
  }

  private final List<Identity> all;

  private Identities(List<Identity> all) {
    this.all = List.copyOf(all);
  }

  public static Identities get() {
    return Holder.INSTANCE;
  }

  public List<Identity> all() {
    return all;
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
          out.add(new Identity(rule.path("rule_id").asText(),
              cells(rule.path("lhs"), var.getKey(), value, catalog),
              cells(rule.path("rhs"), var.getKey(), value, catalog)));
        }
      }
      return new Identities(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  private static int[] cells(JsonNode templates, String var, String value, TemplateCatalog catalog) {
    int[] out = new int[templates.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = catalog.cell(templates.get(i).asText().replace("{" + var + "}", value)).index();
    }
    return out;
  }
}
