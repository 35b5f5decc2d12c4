package cn.xxgk.rollup;

import cn.xxgk.rollup.model.TemplateCatalog;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report's expected values, transcribed by hand from the source document: header fields, then
 * {@code t2 = …} (table 二 left to right), one line per table-三 row (applicant columns left to
 * right), and {@code t4 = …}. A token is a number or a status word (absent, blank, invalid).
 */
public record ExpectedReport(Map<String, String> header, Map<String, String> cells) {

  static ExpectedReport parse(String text) {
    TemplateCatalog catalog = TemplateCatalog.get();
    Map<String, String> header = new LinkedHashMap<>();
    Map<String, String> cells = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String key = line.substring(0, line.indexOf('=')).strip();
      String value = line.substring(line.indexOf('=') + 1).strip();
      List<TemplateCatalog.Cell> targets = new ArrayList<>();
      if (key.equals("t2") || key.equals("t4")) {
        int table = key.equals("t2") ? 2 : 4;
        catalog.cells().stream().filter(c -> c.table() == table).forEach(targets::add);
      } else {
        catalog.cells().stream().filter(c -> c.table() == 3 && c.rowCode().equals(key)).forEach(targets::add);
      }
      if (targets.isEmpty()) {
        header.put(key, value);
        continue;
      }
      String[] tokens = value.split("\\s+");
      if (tokens.length != targets.size()) {
        throw new IllegalArgumentException(key + ": " + tokens.length + " values for " + targets.size() + " cells");
      }
      for (int i = 0; i < tokens.length; i++) {
        cells.put(targets.get(i).code(), tokens[i]);
      }
    }
    if (cells.size() != catalog.size()) {
      throw new IllegalArgumentException("expected file covers " + cells.size() + " of " + catalog.size() + " cells");
    }
    return new ExpectedReport(header, cells);
  }

  /** The expected value of a cell, or null when it is expected to have a non-ok status. */
  public BigDecimal value(String code) {
    String t = cells.get(code);
    return Character.isDigit(t.charAt(0)) ? new BigDecimal(t) : null;
  }

  /** The expected status code of a cell. */
  public String status(String code) {
    String t = cells.get(code);
    return Character.isDigit(t.charAt(0)) ? "ok" : t;
  }
}
