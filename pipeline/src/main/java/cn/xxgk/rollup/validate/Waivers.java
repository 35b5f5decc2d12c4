package cn.xxgk.rollup.validate;

import cn.xxgk.rollup.ingest.RejectException;
import cn.xxgk.rollup.ingest.TextDecoder;
import cn.xxgk.rollup.model.CodeCatalog;
import cn.xxgk.rollup.model.Finding;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Findings the office has accepted ({@code --waivers=FILE}, CSV: agency_name, year, rule_id,
 * cells, reason, decided_by; UTF-8 or GBK). A waiver matches a finding of the same agency (name
 * normalised), year and rule, and the same cells, or any cells when its cells column is empty.
 */
public final class Waivers implements Serializable {
  static final List<String> HEADER = List.of("agency_name", "year", "rule_id", "cells", "reason", "decided_by");

  /** One accepted finding; {@code line} is its line in the file, for messages. */
  public record Waiver(int line, String agencyName, int year, String ruleId, String cells, String reason,
      String decidedBy) implements Serializable {
    boolean matches(Finding f) {
      return f.ruleId().equals(ruleId)
          && f.year() != null && f.year() == year
          && f.agencyName() != null && AgencyKey.of(f.agencyName()).equals(AgencyKey.of(agencyName))
          && (cells.isEmpty() || cells.equals(f.cells()));
    }
  }

  private final String source;
  private final List<Waiver> waivers;

  private Waivers(String source, List<Waiver> waivers) {
    this.source = source;
    this.waivers = List.copyOf(waivers);
  }

  public static Waivers none() {
    return new Waivers("", List.of());
  }

  /** Parses a waivers file; a malformed file is refused with the line named. */
  public static Waivers parse(String source, byte[] bytes) {
    String text;
    try {
      text = TextDecoder.decode(bytes).text();
    } catch (RejectException e) {
      throw new IllegalArgumentException("waivers file " + source + ": " + e.getMessage());
    }
    List<Waiver> out = new ArrayList<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(true).get();
    try (CSVParser parser = format.parse(new StringReader(text.startsWith("\ufeff") ? text.substring(1) : text))) {
      if (!parser.getHeaderNames().containsAll(HEADER)) {
        throw new IllegalArgumentException("waivers file " + source + ": header must be " + String.join(",", HEADER));
      }
      for (CSVRecord r : parser) {
        int line = (int) r.getRecordNumber() + 1;
        String rule = r.get("rule_id");
        if (!CodeCatalog.get().findings().containsKey(rule)) {
          throw new IllegalArgumentException("waivers file " + source + " line " + line + ": unknown rule_id " + rule);
        }
        if (r.get("reason").isBlank()) {
          throw new IllegalArgumentException("waivers file " + source + " line " + line + ": reason is empty");
        }
        int year;
        try {
          year = Integer.parseInt(r.get("year").strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("waivers file " + source + " line " + line + ": year is not a number");
        }
        out.add(new Waiver(line, r.get("agency_name"), year, rule, r.get("cells").strip(), r.get("reason"),
            r.get("decided_by")));
      }
    } catch (IOException | IllegalStateException e) {
      throw new IllegalArgumentException("waivers file " + source + ": " + e.getMessage());
    }
    return new Waivers(source, out);
  }

  public List<Waiver> all() {
    return waivers;
  }

  /** The first waiver that matches the finding, or null. */
  public Waiver match(Finding f) {
    for (Waiver w : waivers) {
      if (w.matches(f)) {
        return w;
      }
    }
    return null;
  }

  /** A stale_waiver finding for a waiver that matched nothing. */
  public Finding stale(Waiver w) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("line", w.line());
    p.put("agency", w.agencyName());
    p.put("year", w.year());
    p.put("rule", w.ruleId());
    p.put("cells", w.cells());
    return Finding.of(source + ":" + w.line(), w.agencyName(), w.year(), "stale_waiver", w.cells(), null, null, p);
  }

  /** The waiver's text for the finding's waiver_reason column. */
  public static String describe(Waiver w) {
    return w.reason() + (w.decidedBy().isBlank() ? "" : "（" + w.decidedBy() + "）");
  }
}
