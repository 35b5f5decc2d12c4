package cn.xxgk.rollup.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a report's text states about its tables ("受理政府信息公开申请17件"), by the statements of the
 * template catalog's {@code narrative} section. A statement has patterns and the readings it may
 * mean in the tables: a cell, or a sum of cells.
 */
public final class Narrative {
  private static final Pattern DROP = Pattern.compile("[\\s\\u00a0\\u3000“”\"'‘’「」()（）]");
  /** Clause marks all become ，: a pattern may allow one, but a number never reads across it. */
  private static final Pattern CLAUSE = Pattern.compile("[,，.。;；:：!！?？]");
  private static final String NUMBER = "(\\d+)";

  /** One kind of statement, e.g. the applications received. */
  public record Statement(String id, String labelZh, List<Pattern> patterns, List<List<String>> readings) {}

  private static final class Holder {
    static final Narrative INSTANCE = load();
  }

  private final List<Statement> statements;

  private Narrative(List<Statement> statements) {
    this.statements = List.copyOf(statements);
  }

  public static Narrative get() {
    return Holder.INSTANCE;
  }

  public List<Statement> statements() {
    return statements;
  }

  public Statement statement(String id) {
    for (Statement s : statements) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no narrative statement " + id);
  }

  /** The text as the patterns read it: NFKC, without spaces, quotes and brackets, clause marks as ，. */
  public static String compact(String text) {
    String s = DROP.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
    return CLAUSE.matcher(s).replaceAll("，");
  }

  /** Every number the (compacted) text states for the statement, in order, duplicates removed. */
  public static List<BigDecimal> stated(String compactText, Statement statement) {
    List<BigDecimal> out = new ArrayList<>();
    for (Pattern p : statement.patterns()) {
      Matcher m = p.matcher(compactText);
      while (m.find()) {
        BigDecimal v = new BigDecimal(m.group(1));
        if (!out.contains(v)) {
          out.add(v);
        }
      }
    }
    return out;
  }

  static Narrative load() {
    try (InputStream in = Narrative.class.getResourceAsStream(TemplateCatalog.RESOURCE)) {
      JsonNode root = new ObjectMapper().readTree(in).path("narrative").path("statements");
      List<Statement> out = new ArrayList<>();
      for (JsonNode s : root) {
        List<Pattern> patterns = new ArrayList<>();
        s.path("patterns").forEach(p -> patterns.add(Pattern.compile(p.asText().replace("{n}", NUMBER))));
        List<List<String>> readings = new ArrayList<>();
        for (JsonNode r : s.path("readings")) {
          List<String> cells = List.of(r.asText().split("\\+"));
          cells.forEach(TemplateCatalog.get()::cell); // fails on a code that is not a cell
          readings.add(cells);
        }
        out.add(new Statement(s.path("id").asText(), s.path("label_zh").asText(),
            List.copyOf(patterns), List.copyOf(readings)));
      }
      return new Narrative(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
