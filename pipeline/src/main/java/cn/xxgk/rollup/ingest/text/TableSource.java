package cn.xxgk.rollup.ingest.text;

import cn.xxgk.rollup.ingest.RejectException;
import cn.xxgk.rollup.ingest.ReportDraft;
import cn.xxgk.rollup.model.TemplateCatalog;
import java.util.List;
import java.util.Map;

/**
 * Where a form keeps the template's tables, and how to read them: every text form has one
 * implementation, the parser drives them all the same way.
 */
public interface TableSource {
  /** A table's extent in the source: [start, end) in the implementation's own units. */
  record Region(int start, int end) {}

  /** Finds each table by its heading; tables must appear in template order. */
  Map<Integer, Region> locate() throws RejectException;

  /** The first of the terms the region lacks (spaces and punctuation ignored), or null. */
  String missing(Region region, List<String> terms);

  /** Whether any of the terms occurs in the region. */
  default boolean containsAny(Region region, List<String> terms) {
    for (String term : terms) {
      if (missing(region, List.of(term)) == null) {
        return true;
      }
    }
    return false;
  }

  /** Reads every row of the table into the draft, or rejects the report. */
  void read(TemplateCatalog.Table table, Region region, ReportDraft draft) throws RejectException;

  /** The report's text outside its tables (for numbers the narrative states). */
  String narrative(Map<Integer, Region> regions);
}
