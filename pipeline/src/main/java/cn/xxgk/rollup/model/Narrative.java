package cn.xxgk.rollup.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers a report's text states for template cells ("制发行政规范性文件62件"), or for the sum of
 * a few cells ("行政诉讼46件" is direct suits plus suits after review), by the patterns of the
 * template catalog's {@code narrative} section. A key is a cell code or codes joined by +.
 */
public final class Narrative {
  private static final Pattern DROP = Pattern.compile("[\\s\\u00a0\\u3000“”\"'‘’「」:：,，.。;；]");
  private static final String NUMBER = "(\\d+)";

  private static final class Holder {
    static final Narrative INSTANCE = load();
  }

  private final Map<String, List<Pattern>> patterns;

  private Narrative(Map<String, List<Pattern>> patterns) {
    this.patterns = patterns;
  }

  public static Narrative get() {
    return Holder.INSTANCE;
  }

  /** The keys the catalog has patterns for: a cell code, or codes joined by +. */
  public Iterable<String> keys() {
    return patterns.keySet();
  }

  /** The cell codes a key sums. */
  public static List<String> cellsOf(String key) {
    return List.of(key.split("\\+"));
  }

  /** Every number the text states for the key, in order of appearance, duplicates removed. */
  public List<BigDecimal> stated(String text, String key) {
    List<Pattern> ps = patterns.get(key);
    List<BigDecimal> out = new ArrayList<>();
    if (ps == null) {
      return out;
    }
    String compact = DROP.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
    for (Pattern p : ps) {
      Matcher m = p.matcher(compact);
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
      JsonNode root = new ObjectMapper().readTree(in).path("narrative").path("patterns");
      Map<String, List<Pattern>> map = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        cellsOf(e.getKey()).forEach(TemplateCatalog.get()::cell); // fails on a code that is not a cell
        List<Pattern> ps = new ArrayList<>();
        e.getValue().forEach(p -> ps.add(Pattern.compile(p.asText().replace("{n}", NUMBER))));
        map.put(e.getKey(), List.copyOf(ps));
      }
      return new Narrative(map);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
