package cn.xxgk.rollup.ingest.text;

import cn.xxgk.rollup.ingest.RejectException;
import cn.xxgk.rollup.ingest.ReportDraft;
import cn.xxgk.rollup.model.Identities;
import cn.xxgk.rollup.model.SourceForm;
import cn.xxgk.rollup.model.TemplateCatalog;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the template's tables out of lexed lines, the same way for every text form: find each
 * table by its heading, then each row by its label in template order, and take the row's values
 * from the label's line (or, for a label wrapped over lines, from the next line with values).
 *
 * <p>The reader never guesses: numbers that belong to no known row, a row with the wrong count
 * of values, a missing row or table all reject the report with the place named.
 */
public final class TableReader implements TableSource {
  private final TemplateCatalog catalog;
  private final Identities identities;
  private final List<TextLine> lines;
  private final SourceForm form;

  public TableReader(TemplateCatalog catalog, Identities identities, SourceForm form, List<TextLine> lines) {
    this.catalog = catalog;
    this.identities = identities;
    this.form = form;
    this.lines = lines;
  }

  /** Regions are [start, end) indices into the lines. */
  @Override
  public Map<Integer, Region> locate() throws RejectException {
    Map<Integer, Integer> headings = new LinkedHashMap<>();
    int from = 0;
    for (TemplateCatalog.Table t : catalog.tables()) {
      int at = findHeading(from, t.heading());
      if (at < 0) {
        throw RejectException.of("table_not_found", "table", ReportDraft.shortName(t), "heading", t.heading().get(0));
      }
      headings.put(t.number(), at);
      from = at + 1;
    }
    Map<Integer, Region> regions = new LinkedHashMap<>();
    List<Integer> starts = new ArrayList<>(headings.values());
    int i = 0;
    for (Map.Entry<Integer, Integer> e : headings.entrySet()) {
      int end = i + 1 < starts.size() ? starts.get(i + 1) : endOfLastTable(e.getValue() + 1);
      regions.put(e.getKey(), new Region(e.getValue() + 1, end));
      i++;
    }
    return regions;
  }

  @Override
  public String missing(Region region, List<String> terms) {
    StringBuilder sb = new StringBuilder();
    for (int i = region.start(); i < region.end(); i++) {
      sb.append(Labels.parse(lines.get(i).compactText()).words());
    }
    String text = sb.toString();
    for (String term : terms) {
      if (!text.contains(Labels.parse(term).words())) {
        return term;
      }
    }
    return null;
  }

  @Override
  public String narrative(Map<Integer, Region> regions) {
    int first = Integer.MAX_VALUE;
    int last = 0;
    for (Region r : regions.values()) {
      first = Math.min(first, r.start() - 1);
      last = Math.max(last, r.end());
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      if (i < first || i >= last) {
        sb.append(lines.get(i).compactText()).append('\n');
      }
    }
    return sb.toString();
  }

  @Override
  public void read(TemplateCatalog.Table table, Region region, ReportDraft draft) throws RejectException {
    int mark = draft.findingCount();
    try {
      readByLabels(table, region, draft);
    } catch (RejectException byLabels) {
      if (form != SourceForm.MARKDOWN || table.anyRowOrder() || table.rows().get(0).labels().isEmpty()) {
        throw byLabels;
      }
      // Converters detach labels from their rows but keep the rows in order: place the rows by
      // position, then accept the result only if the template's identities hold.
      draft.truncateFindings(mark);
      readByPosition(table, region, draft, byLabels);
    }
    if (form == SourceForm.PDF_TEXT) {
      requireIdentities(table, draft, "按阅读顺序读取的数字");
    }
  }

  private void readByLabels(TemplateCatalog.Table table, Region region, ReportDraft draft) throws RejectException {
    String tableName = ReportDraft.shortName(table);
    List<TemplateCatalog.Row> rows = table.rows();
    boolean[] used = new boolean[lines.size()];
    int pos = region.start();
    for (int ri = 0; ri < rows.size(); ri++) {
      TemplateCatalog.Row row = rows.get(ri);
      Hit hit = row.labels().isEmpty()
          ? findUnlabeled(row, pos, region.end(), tableName)
          : table.anyRowOrder()
              ? findRowAnywhere(table, ri, region, used, tableName)
              : findRow(table, ri, pos, region.end(), tableName);
      TemplateCatalog.Row target = row;
      if (hit.collapsedInto != null) {
        // The group printed as one row: its values go to the collapse target, the rest are absent.
        String group = row.groupCode();
        int lastOfGroup = ri;
        while (lastOfGroup + 1 < rows.size() && group.equals(rows.get(lastOfGroup + 1).groupCode())) {
          lastOfGroup++;
        }
        for (int k = ri; k <= lastOfGroup; k++) {
          if (rows.get(k) != hit.collapsedInto) {
            rows.get(k).cells().forEach(draft::setAbsent);
          }
        }
        ri = lastOfGroup;
        target = hit.collapsedInto;
      }
      List<TextCell> values = fit(hit.values, target.cells().size());
      if (values == null) {
        throw RejectException.of("row_value_count", "table", tableName, "row", target.displayLabel(),
            "found", countValues(hit.values), "expected", target.cells().size(), "values", join(hit.values));
      }
      for (int c = 0; c < values.size(); c++) {
        draft.set(target.cells().get(c), values.get(c));
      }
      for (int i = hit.firstLine; i <= hit.lastLine; i++) {
        used[i] = true;
      }
      pos = hit.lastLine + 1;
    }
    for (int i = table.anyRowOrder() ? region.start() : pos; i < region.end(); i++) {
      TextLine line = lines.get(i);
      if (line.hasValues() && !used[i]) {
        throw RejectException.of("unexpected_numbers", "table", tableName, "context", line.excerpt(),
            "values", join(values(line, -1)), "row", "（表尾）");
      }
    }
  }

  private record Hit(int firstLine, int lastLine, List<TextCell> values, TemplateCatalog.Row collapsedInto) {}

  /** A row of a table whose rows may come in any order: its label anywhere in the region. */
  private Hit findRowAnywhere(TemplateCatalog.Table table, int rowIndex, Region region, boolean[] used,
      String tableName) throws RejectException {
    TemplateCatalog.Row row = table.rows().get(rowIndex);
    for (int i = region.start(); i < region.end(); i++) {
      int label = used[i] ? -1 : labelIndex(lines.get(i), row);
      if (label >= 0) {
        return valuesOf(table, rowIndex, i, label, region.end(), true);
      }
    }
    throw RejectException.of("row_not_found", "table", tableName, "row", row.displayLabel());
  }

  /**
   * The values of a row whose label is at (line, cell): on the label's line, or for a label
   * wrapped over lines, on the next line that has values and no other row's label.
   */
  private Hit valuesOf(TemplateCatalog.Table table, int rowIndex, int line, int label, int end, boolean anyOrder) {
    TextLine l = lines.get(line);
    if (!allText(l, label)) {
      return new Hit(line, line, values(l, label), null);
    }
    int width = table.rows().get(rowIndex).cells().size();
    List<TextCell> collected = new ArrayList<>();
    int last = line;
    for (int j = line + 1; j < end; j++) {
      TextLine next = lines.get(j);
      if (labelsOtherRow(next, table, rowIndex, anyOrder)) {
        break;
      }
      if (next.hasValues()) {
        collected.addAll(values(next, -1));
        last = j;
        // reading-order PDF text puts one value on a line; everywhere else one line holds the row
        if (form != SourceForm.PDF_TEXT || collected.size() >= width) {
          break;
        }
      }
    }
    return new Hit(line, last, collected, null);
  }

  /**
   * Places the value rows of a Markdown table by their order: the n-th row with values is the
   * n-th row of the template. A label a row kept must agree with its place.
   */
  private void readByPosition(TemplateCatalog.Table table, Region region, ReportDraft draft,
      RejectException byLabels) throws RejectException {
    String tableName = ReportDraft.shortName(table);
    List<TextLine> valueRows = new ArrayList<>();
    for (int i = region.start(); i < region.end(); i++) {
      TextLine line = lines.get(i);
      if (line.tableRow() && line.hasValues()) {
        valueRows.add(line);
      }
    }
    List<TemplateCatalog.Row> targets = new ArrayList<>(table.rows());
    TemplateCatalog.Group collapsed = collapsedGroup(table, valueRows);
    if (collapsed != null) {
      targets.removeIf(r -> collapsed.code().equals(r.groupCode()) && !r.code().equals(collapsed.collapseInto()));
    }
    if (valueRows.size() != targets.size()) {
      throw notRecoverable(tableName, "找到" + valueRows.size() + "个数据行，应为" + targets.size()
          + "个；按标签读取时：" + byLabels.toReject("").messageZh());
    }
    for (int k = 0; k < valueRows.size(); k++) {
      TextLine line = valueRows.get(k);
      TemplateCatalog.Row target = targets.get(k);
      int label = lastTextBeforeValues(line);
      if (label >= 0 && !labelFits(line.cells().get(label).text(), target, collapsed)) {
        for (TemplateCatalog.Row other : table.rows()) {
          if (other != target && Labels.matches(line.cells().get(label).text(), other)) {
            throw notRecoverable(tableName, "第" + (k + 1) + "个数据行标为“" + line.cells().get(label).text()
                + "”，按位置应为“" + target.displayLabel() + "”");
          }
        }
      }
      List<TextCell> values = fit(values(line, label), target.cells().size());
      if (values == null) {
        throw notRecoverable(tableName, "第" + (k + 1) + "个数据行（按位置为“" + target.displayLabel() + "”）有"
            + countValues(values(line, label)) + "个数字，应为" + target.cells().size() + "个");
      }
      for (int c = 0; c < values.size(); c++) {
        draft.set(target.cells().get(c), values.get(c));
      }
    }
    if (collapsed != null) {
      for (TemplateCatalog.Row r : table.rows()) {
        if (collapsed.code().equals(r.groupCode()) && !r.code().equals(collapsed.collapseInto())) {
          r.cells().forEach(draft::setAbsent);
        }
      }
    }
    requireIdentities(table, draft, "按位置确定的行");
  }

  /** The group a value row prints as one row (（六）其他处理 with values), if any. */
  private static TemplateCatalog.Group collapsedGroup(TemplateCatalog.Table table, List<TextLine> valueRows) {
    for (TemplateCatalog.Group g : table.groups()) {
      if (g.collapseInto() == null) {
        continue;
      }
      for (TextLine line : valueRows) {
        int label = lastTextBeforeValues(line);
        if (label >= 0 && Labels.matches(line.cells().get(label).text(), g)) {
          return g;
        }
      }
    }
    return null;
  }

  private static boolean labelFits(String text, TemplateCatalog.Row target, TemplateCatalog.Group collapsed) {
    return Labels.matches(text, target)
        || collapsed != null && target.code().equals(collapsed.collapseInto()) && Labels.matches(text, collapsed);
  }

  private static int lastTextBeforeValues(TextLine line) {
    int label = -1;
    for (int c = 0; c < line.cells().size(); c++) {
      CellText.Kind k = line.cells().get(c).kind();
      if (k == CellText.Kind.NUMBER || k == CellText.Kind.PLACEHOLDER) {
        break;
      }
      if (k == CellText.Kind.TEXT) {
        label = c;
      }
    }
    return label;
  }

  /**
   * Where positions were inferred, the reading stands only if every identity of the table whose
   * cells are all known holds.
   */
  private void requireIdentities(TemplateCatalog.Table table, ReportDraft draft, String how) throws RejectException {
    BigDecimal[] values = draft.valuesForIdentities();
    for (Identities.Identity id : identities.singleYear()) {
      boolean inTable = true;
      for (int c : id.cells()) {
        inTable &= catalog.cells().get(c).table() == table.number();
      }
      if (inTable && Boolean.FALSE.equals(id.holds(values))) {
        throw notRecoverable(ReportDraft.shortName(table), how + "不满足勾稽关系" + id.ruleId() + "（"
            + id.lhsSum(values, null).toPlainString() + " ≠ " + id.rhsSum(values, null).toPlainString()
            + "），无法确认各数字的位置");
      }
    }
  }

  private static RejectException notRecoverable(String table, String detail) {
    return RejectException.of("layout_not_recoverable", "table", table, "detail", detail);
  }

  private Hit findRow(TemplateCatalog.Table table, int rowIndex, int from, int end, String tableName)
      throws RejectException {
    TemplateCatalog.Row row = table.rows().get(rowIndex);
    TemplateCatalog.Group group = row.groupCode() == null ? null : table.group(row.groupCode());
    boolean canCollapse = group != null && group.collapseInto() != null && firstOfGroup(table, rowIndex);
    int groupLabelSeen = -1;
    for (int i = from; i < end; i++) {
      TextLine line = lines.get(i);
      int label = labelIndex(line, row);
      if (label >= 0) {
        return valuesOf(table, rowIndex, i, label, end, false);
      }
      if (canCollapse && groupLabelIndex(line, group) >= 0) {
        groupLabelSeen = i;
      }
      if (line.hasValues()) {
        if (canCollapse && groupLabelSeen >= 0) {
          int g = groupLabelIndex(line, group);
          TemplateCatalog.Row into = null;
          for (TemplateCatalog.Row r : table.rows()) {
            if (r.code().equals(group.collapseInto())) {
              into = r;
            }
          }
          return new Hit(i, i, values(line, g), into);
        }
        throw RejectException.of("unexpected_numbers", "table", tableName, "context", line.excerpt(),
            "values", join(values(line, -1)), "row", row.displayLabel());
      }
    }
    throw RejectException.of("row_not_found", "table", tableName, "row", row.displayLabel());
  }

  /** A row without a label (table 四's only row): the next values after the header. */
  private Hit findUnlabeled(TemplateCatalog.Row row, int from, int end, String tableName) {
    List<TextCell> vals = new ArrayList<>();
    int last = from - 1;
    for (int i = from; i < end && vals.size() < row.cells().size(); i++) {
      TextLine line = lines.get(i);
      if (line.hasValues()) {
        vals.addAll(values(line, -1));
        last = i;
      }
    }
    return new Hit(from, last, vals, null);
  }

  private static boolean firstOfGroup(TemplateCatalog.Table table, int rowIndex) {
    String group = table.rows().get(rowIndex).groupCode();
    return rowIndex == 0 || !group.equals(table.rows().get(rowIndex - 1).groupCode());
  }

  private boolean labelsOtherRow(TextLine line, TemplateCatalog.Table table, int rowIndex, boolean anyOrder) {
    for (int r = anyOrder ? 0 : rowIndex + 1; r < table.rows().size(); r++) {
      if (r != rowIndex && labelIndex(line, table.rows().get(r)) >= 0) {
        return true;
      }
    }
    for (TemplateCatalog.Group g : table.groups()) {
      if (groupLabelIndex(line, g) >= 0 && line.hasValues()) {
        return true;
      }
    }
    return false;
  }

  private static int labelIndex(TextLine line, TemplateCatalog.Row row) {
    return textCellIndex(line, text -> Labels.matches(text, row));
  }

  private static int groupLabelIndex(TextLine line, TemplateCatalog.Group group) {
    return textCellIndex(line, text -> Labels.matches(text, group));
  }

  /** The first word cell of the line that satisfies the test, or -1. */
  private static int textCellIndex(TextLine line, java.util.function.Predicate<String> test) {
    List<TextCell> cells = line.cells();
    for (int c = 0; c < cells.size(); c++) {
      if (cells.get(c).kind() == CellText.Kind.TEXT && test.test(cells.get(c).text())) {
        return c;
      }
    }
    return -1;
  }

  private static boolean allText(TextLine line, int after) {
    for (int c = after + 1; c < line.cells().size(); c++) {
      if (line.cells().get(c).kind() != CellText.Kind.TEXT) {
        return false;
      }
    }
    return true;
  }

  /**
   * The value cells of a line after position {@code after}: words right after the label are the
   * label's continuation and words at the end are noise; everything between is a value position.
   */
  static List<TextCell> values(TextLine line, int after) {
    List<TextCell> cells = line.cells();
    int s = after + 1;
    while (s < cells.size() && cells.get(s).kind() == CellText.Kind.TEXT) {
      s++;
    }
    int e = cells.size();
    while (e > s && cells.get(e - 1).kind() == CellText.Kind.TEXT) {
      e--;
    }
    return new ArrayList<>(cells.subList(s, e));
  }

  /**
   * The values fitted to the row's width: surplus empty cells at the end, then at the start (a
   * spacer cell of a label spanning columns), are dropped; otherwise the count must be exact.
   */
  private static List<TextCell> fit(List<TextCell> values, int width) {
    List<TextCell> v = new ArrayList<>(values);
    while (v.size() > width && v.get(v.size() - 1).kind() == CellText.Kind.EMPTY) {
      v.remove(v.size() - 1);
    }
    while (v.size() > width && v.get(0).kind() == CellText.Kind.EMPTY) {
      v.remove(0);
    }
    return v.size() == width ? v : null;
  }

  private static int countValues(List<TextCell> values) {
    int n = 0;
    for (TextCell c : values) {
      if (c.kind() != CellText.Kind.EMPTY) {
        n++;
      }
    }
    return n;
  }

  private static String join(List<TextCell> cells) {
    String s = cells.stream().map(c -> c.text().isEmpty() ? "□" : c.text()).collect(Collectors.joining(" "));
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  private int findHeading(int from, List<String> headings) {
    for (int i = from; i < lines.size(); i++) {
      String words = Labels.parse(lines.get(i).compactText()).words();
      for (String h : headings) {
        String hw = Labels.parse(h).words();
        if (words.contains(hw) && words.length() <= hw.length() + 8) {
          return i;
        }
      }
    }
    return -1;
  }

  private int endOfLastTable(int from) {
    int at = findHeading(from, catalog.sectionEnd());
    return at < 0 ? lines.size() : at;
  }
}
