package cn.xxgk.rollup.validate;


import cn.xxgk.rollup.model.CodeCatalog;
import cn.xxgk.rollup.model.Finding;
import cn.xxgk.rollup.model.Registry;
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
 * cells, reason, decided_by; UTF-8 or GBK). A waiver matches a finding of the same agency (its
 * name matched to the registry like a report's, else normalised), year and rule, and the same
 * cells, or any cells when its cells column is empty.
 */
public final class Waivers implements Serializable {
  static final List<String> HEADER = List.of("agency_name", "year", "rule_id", "cells", "reason", "decided_by");

  /** One accepted finding; {@code line} is its line in the file, for messages. */
  public record Waiver(int line, String agencyName, String agencyId, int year, String ruleId, String cells,
      String reason, String decidedBy) implements Serializable {
    boolean matches(Finding f) {
      return f.ruleId().equals(ruleId)
          && f.year() != null && f.year() == year
          && agencyId.equals(f.agencyId())
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

  /** Parses a waivers file's text; a malformed file is refused with the line named. */
  public static Waivers parse(String source, String text) {
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
        out.add(new Waiver(line, r.get("agency_name"), Registry.none().agencyIdOf(r.get("agency_name")), year, rule,
            r.get("cells").strip(), r.get("reason"), r.get("decided_by")));
      }
    } catch (IOException | IllegalStateException e) {
      throw new IllegalArgumentException("waivers file " + source + ": " + e.getMessage());
    }
    return new Waivers(source, out);
  }

  /** The waivers with their agency names matched to the registry, as reports' are. */
  public Waivers withRegistry(Registry registry) {
    List<Waiver> resolved = new ArrayList<>();
    for (Waiver w : waivers) {
      resolved.add(new Waiver(w.line(), w.agencyName(), registry.agencyIdOf(w.agencyName()), w.year(), w.ruleId(),
          w.cells(), w.reason(), w.decidedBy()));
    }
    return new Waivers(source, resolved);
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
    return Finding.of(source + ":" + w.line(), w.agencyName(), w.year(), "stale_waiver", w.cells(), null, null, p)
        .withAgency(w.agencyId(), null);
  }

  /** The waiver's text for the finding's waiver_reason column. */
  public static String describe(Waiver w) {
    return w.reason() + (w.decidedBy().isBlank() ? "" : "（" + w.decidedBy() + "）");
  }
}
