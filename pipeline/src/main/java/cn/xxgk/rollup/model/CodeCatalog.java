package cn.xxgk.rollup.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every reject reason and finding rule, read from {@code schemas/codes.json}, with severities and
 * message templates. Rendering a code that is not in the file, or leaving a placeholder unfilled,
 * is a programming error and fails loudly.
 */
public final class CodeCatalog {
  public static final String RESOURCE = "/schemas/codes.json";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

  /**
   * One catalog entry. Severity is null for reject reasons; {@code severityWhenIncomplete} is the
   * severity a rule uses when its comparison is known to be incomplete (or null).
   */
  public record Entry(String code, String severity, String severityWhenIncomplete, String messageZh,
      String messageEn) {}

  /** A rendered message in both languages. */
  public record Message(String zh, String en) {}

  private static final class Holder {
    static final CodeCatalog INSTANCE = load();
  }

  private final Map<String, Entry> rejects;
  private final Map<String, Entry> findings;

  private CodeCatalog(Map<String, Entry> rejects, Map<String, Entry> findings) {
    this.rejects = Collections.unmodifiableMap(rejects);
    this.findings = Collections.unmodifiableMap(findings);
  }

  public static CodeCatalog get() {
    return Holder.INSTANCE;
  }

  public Map<String, Entry> rejects() {
    return rejects;
  }

  public Map<String, Entry> findings() {
    return findings;
  }

  public Entry reject(String code) {
    Entry e = rejects.get(code);
    if (e == null) {
      throw new IllegalArgumentException("reject reason not in " + RESOURCE + ": " + code);
    }
    return e;
  }

  public Entry finding(String ruleId) {
    Entry e = findings.get(ruleId);
    if (e == null) {
      throw new IllegalArgumentException("finding rule not in " + RESOURCE + ": " + ruleId);
    }
    return e;
  }

  /** Fills an entry's templates with the given parameters. */
  public static Message render(Entry entry, Map<String, ?> params) {
    return new Message(fill(entry.messageZh(), params, entry.code()), fill(entry.messageEn(), params, entry.code()));
  }

  private static String fill(String template, Map<String, ?> params, String code) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      if (!params.containsKey(name)) {
        throw new IllegalArgumentException("message of " + code + " needs parameter {" + name + "}");
      }
      Object v = params.get(name);
      String s = v instanceof BigDecimal b ? b.toPlainString() : String.valueOf(v);
      m.appendReplacement(out, Matcher.quoteReplacement(s));
    }
    m.appendTail(out);
    return out.toString();
  }

  static CodeCatalog load() {
    try (InputStream in = CodeCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("code catalog not on the classpath: " + RESOURCE);
      }
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, Entry> rejects = new LinkedHashMap<>();
      for (JsonNode r : root.path("rejects")) {
        put(rejects, new Entry(r.path("code").asText(), null, null,
            r.path("message_zh").asText(), r.path("message_en").asText()));
      }
      Map<String, Entry> findings = new LinkedHashMap<>();
      for (JsonNode f : root.path("findings")) {
        String severity = f.path("severity").asText();
        if (!severity.equals("error") && !severity.equals("warning")) {
          throw new IllegalStateException("bad severity for " + f.path("rule_id").asText() + ": " + severity);
        }
        String incomplete = f.has("severity_when_incomplete") ? f.path("severity_when_incomplete").asText() : null;
        put(findings, new Entry(f.path("rule_id").asText(), severity, incomplete,
            f.path("message_zh").asText(), f.path("message_en").asText()));
      }
      return new CodeCatalog(rejects, findings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void put(Map<String, Entry> map, Entry e) {
    if (map.put(e.code(), e) != null) {
      throw new IllegalStateException("duplicate code in " + RESOURCE + ": " + e.code());
    }
  }
}
