package cn.xxgk.rollup.rollup;

import cn.xxgk.rollup.model.TemplateCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The indicators of {@code schemas/indicators.json}: each a numerator and optional denominator
 * over template cells (or the report's error count), and a direction for ranking.
 */
public final class Indicators implements Serializable {
  public static final String RESOURCE = "/schemas/indicators.json";
  /** Rates are fractions with this many decimals. */
  public static final int RATE_SCALE = 6;

  /** A cell term: catalog index, subtracted or not. */
  public record Term(int cell, boolean negative) implements Serializable {}

  /** One indicator. {@code denominator} is empty for a count; {@code errorCount} for validation_errors. */
  public record Indicator(String code, String labelZh, String unit, List<Term> numerator, List<Term> denominator,
      boolean errorCount, boolean lowerIsBetter) implements Serializable {
    public boolean isRate() {
      return !denominator.isEmpty();
    }

    public String direction() {
      return lowerIsBetter ? "lower_is_better" : "higher_is_better";
    }

    /** The numerator over known values; null when a cell it needs is unknown. */
    public BigDecimal numeratorOf(BigDecimal[] known, long errors) {
      return errorCount ? BigDecimal.valueOf(errors) : sum(numerator, known);
    }

    public BigDecimal denominatorOf(BigDecimal[] known) {
      return isRate() ? sum(denominator, known) : null;
    }

    /** The indicator's value: null when unknown or when a rate's denominator is zero. */
    public BigDecimal valueOf(BigDecimal[] known, long errors) {
      BigDecimal n = numeratorOf(known, errors);
      if (!isRate()) {
        return n;
      }
      BigDecimal d = denominatorOf(known);
      if (n == null || d == null || d.signum() == 0) {
        return null;
      }
      return n.divide(d, RATE_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal sum(List<Term> terms, BigDecimal[] known) {
      BigDecimal s = BigDecimal.ZERO;
      for (Term t : terms) {
        BigDecimal v = known[t.cell()];
        if (v == null) {
          return null;
        }
        s = t.negative() ? s.subtract(v) : s.add(v);
      }
      return s;
    }
  }

  private static final class Holder {
    static final Indicators INSTANCE = load(TemplateCatalog.get());
  }

  private final List<Indicator> all;

  private Indicators(List<Indicator> all) {
    this.all = List.copyOf(all);
  }

  public static Indicators get() {
    return Holder.INSTANCE;
  }

  public List<Indicator> all() {
    return all;
  }

  static Indicators load(TemplateCatalog catalog) {
    try (InputStream in = Indicators.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("indicators not on the classpath: " + RESOURCE);
      }
      List<Indicator> out = new ArrayList<>();
      for (JsonNode i : new ObjectMapper().readTree(in).path("indicators")) {
        String direction = i.path("direction").asText();
        if (!direction.equals("lower_is_better") && !direction.equals("higher_is_better")) {
          throw new IllegalStateException("bad direction for " + i.path("code").asText());
        }
        out.add(new Indicator(i.path("code").asText(), i.path("label_zh").asText(), i.path("unit").asText(),
            terms(i.path("numerator"), catalog), terms(i.path("denominator"), catalog),
            "error_count".equals(i.path("source").asText()), direction.equals("lower_is_better")));
      }
      return new Indicators(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Term> terms(JsonNode list, TemplateCatalog catalog) {
    List<Term> out = new ArrayList<>();
    for (JsonNode t : list) {
      String s = t.asText();
      boolean negative = s.startsWith("-");
      out.add(new Term(catalog.cell(negative ? s.substring(1) : s).index(), negative));
    }
    return List.copyOf(out);
  }
}
