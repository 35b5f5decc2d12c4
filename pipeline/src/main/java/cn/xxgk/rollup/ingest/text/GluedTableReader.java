package cn.xxgk.rollup.ingest.text;

import cn.xxgk.rollup.ingest.RejectException;
import cn.xxgk.rollup.ingest.ReportDraft;
import cn.xxgk.rollup.model.Identities;
import cn.xxgk.rollup.model.Narrative;
import cn.xxgk.rollup.model.TemplateCatalog;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the tables of crawler text, where each section is one line and a row's numbers are glued
 * together ({@code 一、本年新收政府信息公开申请数量21710000218二、上年结转…}). Labels are found in
 * template order; the digits between two labels are the first row's values, split by
 * {@link GluedDigits} into the readings that satisfy the template's identities, then table 三's
 * rows are chosen jointly so that its column identities hold too. Where several readings survive,
 * a number stated in the narrative decides; otherwise the cells that differ are {@code ambiguous}.
 * Where no reading survives, the report is rejected: positions here are inferred, never read.
 */
public final class GluedTableReader implements TableSource {
  /** Partial readings tried for one run of digits. */
  static final int SPLIT_BUDGET = 100_000;
  /** Row combinations tried for one table. */
  static final int SOLVE_BUDGET = 100_000;
  private static final String NUMERALS = "一二三四五六七八九十";

  private final TemplateCatalog catalog;
  private final Identities identities;
  private final KeyedText text;
  private String narrative = "";

  public GluedTableReader(TemplateCatalog catalog, Identities identities, String text) {
    this.catalog = catalog;
    this.identities = identities;
    this.text = new KeyedText(text);
  }

  /** Regions are [start, end) positions in the key text. */
  @Override
  public Map<Integer, Region> locate() throws RejectException {
    Map<Integer, int[]> headings = new LinkedHashMap<>();
    int from = 0;
    for (TemplateCatalog.Table t : catalog.tables()) {
      int[] at = findHeading(from, t.heading());
      if (at == null) {
        throw RejectException.of("table_not_found", "table", ReportDraft.shortName(t), "heading", t.heading().get(0));
      }
      headings.put(t.number(), at);
      from = at[1];
    }
    int[] end = findHeading(from, catalog.sectionEnd());
    int last = end == null ? text.key.length() : end[0];
    Map<Integer, Region> regions = new LinkedHashMap<>();
    List<int[]> spans = new ArrayList<>(headings.values());
    int i = 0;
    for (Integer number : headings.keySet()) {
      int regionEnd = i + 1 < spans.size() ? spans.get(i + 1)[0] : last;
      regions.put(number, new Region(spans.get(i)[1], regionEnd));
      i++;
    }
    narrative = text.key.substring(0, spans.get(0)[0]) + "\n" + text.key.substring(last);
    return regions;
  }

  @Override
  public String missing(Region region, List<String> terms) {
    String key = text.key.substring(region.start(), region.end());
    for (String term : terms) {
      if (!key.contains(Labels.words(term))) {
        return term;
      }
    }
    return null;
  }

  @Override
  public String narrative(Map<Integer, Region> regions) {
    return narrative;
  }

  @Override
  public void read(TemplateCatalog.Table table, Region region, ReportDraft draft) throws RejectException {
    String name = ReportDraft.shortName(table);
    List<RowRun> runs = table.rows().get(0).labels().isEmpty()
        ? List.of(unlabeledRun(table, region, name))
        : labeledRuns(table, region, draft, name);
    List<List<long[]>> candidates = new ArrayList<>();
    for (RowRun run : runs) {
      candidates.add(readings(run, name));
    }
    List<Identities.Identity> spanning = spanningIdentities(table, runs);
    if (spanning.isEmpty()) {
      // rows share no identity (table 二): each row stands alone
      for (int r = 0; r < runs.size(); r++) {
        List<long[][]> own = candidates.get(r).stream().map(c -> new long[][] {c}).collect(Collectors.toList());
        record(runs.get(r), 0, preferNarrative(List.of(runs.get(r)), own), draft);
      }
      return;
    }
    List<long[][]> solutions = preferNarrative(runs, solve(table, runs, candidates, spanning, name));
    for (int r = 0; r < runs.size(); r++) {
      record(runs.get(r), r, solutions, draft);
    }
  }

  /** A row's digits, the cells they fill, and the identities that lie within the row. */
  private record RowRun(TemplateCatalog.Row row, List<TemplateCatalog.Cell> cells, List<String> segments,
      String digits, List<Identities.Identity> rowIdentities) {}

  private List<RowRun> labeledRuns(TemplateCatalog.Table table, Region region, ReportDraft draft, String name)
      throws RejectException {
    List<TemplateCatalog.Row> rows = table.rows();
    // label positions [start, end) in key, and the row each labels
    List<int[]> labels = new ArrayList<>();
    List<TemplateCatalog.Row> targets = new ArrayList<>();
    int pos = region.start();
    for (int ri = 0; ri < rows.size(); ri++) {
      TemplateCatalog.Row row = rows.get(ri);
      int[] at = findLabel(row, table.anyRowOrder() ? region.start() : pos, region.end());
      if (at == null && row.groupCode() != null && table.group(row.groupCode()).collapseInto() != null) {
        TemplateCatalog.Group group = table.group(row.groupCode());
        int[] g = findWords(group.labels(), group.item(), pos, region.end());
        if (g != null) {
          // the group printed as one row: its digits are the collapse target's
          while (ri + 1 < rows.size() && group.code().equals(rows.get(ri + 1).groupCode())) {
            ri++;
          }
          for (TemplateCatalog.Row member : rows) {
            if (group.code().equals(member.groupCode()) && !member.code().equals(group.collapseInto())) {
              member.cells().forEach(draft::setAbsent);
            }
          }
          labels.add(g);
          targets.add(rows.stream().filter(x -> x.code().equals(group.collapseInto())).findFirst().orElseThrow());
          pos = g[1];
          continue;
        }
      }
      if (at == null) {
        throw RejectException.of("row_not_found", "table", name, "row", row.displayLabel());
      }
      labels.add(at);
      targets.add(row);
      pos = at[1];
    }
    Integer[] order = new Integer[labels.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(labels.get(a)[0], labels.get(b)[0]));
    int firstLabel = labels.get(order[0])[0];
    requireNoDigits(region.start(), firstLabel, name, "表头");
    RowRun[] runs = new RowRun[labels.size()];
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      int to = k + 1 < order.length ? labels.get(order[k + 1])[0] : region.end();
      if (labels.get(i)[1] > to) {
        throw RejectException.of("layout_not_recoverable", "table", name,
            "detail", "labels of two rows overlap near “" + targets.get(i).displayLabel() + "”");
      }
      runs[i] = run(targets.get(i), targets.get(i).cells(), labels.get(i)[1], to, name);
    }
    return List.of(runs);
  }

  private RowRun unlabeledRun(TemplateCatalog.Table table, Region region, String name) throws RejectException {
    TemplateCatalog.Row row = table.rows().get(0);
    return run(row, row.cells(), region.start(), region.end(), name);
  }

  /** The first run of digits (and spaces between them) in key range [from, to). */
  private RowRun run(TemplateCatalog.Row row, List<TemplateCatalog.Cell> cells, int from, int to, String name)
      throws RejectException {
    int rawFrom = text.rawEnd(from);
    int rawTo = text.raw(to);
    String raw = text.raw;
    int i = rawFrom;
    while (i < rawTo && !Character.isDigit(raw.charAt(i))) {
      i++;
    }
    boolean decimal = cells.size() == 1 && cells.get(0).type() == cn.xxgk.rollup.model.CellType.DECIMAL;
    StringBuilder run = new StringBuilder();
    while (i < rawTo) {
      char c = raw.charAt(i);
      boolean inNumber = Character.isDigit(c) || c == ' ' || c == '\t'
          || (decimal && c == '.' && i + 1 < rawTo && Character.isDigit(raw.charAt(i + 1)));
      if (!inNumber) {
        break;
      }
      run.append(c);
      i++;
    }
    requireNoDigits(rawToKey(i), to, name, row.displayLabel());
    String digits = run.toString().strip();
    if (digits.isEmpty()) {
      throw RejectException.of("row_value_count", "table", name, "row", row.displayLabel(),
          "found", 0, "expected", cells.size(), "values", "");
    }
    List<String> segments = List.of(digits.split("\\s+"));
    List<Identities.Identity> within = new ArrayList<>();
    Set<Integer> rowCells = new HashSet<>();
    cells.forEach(c -> rowCells.add(c.index()));
    for (Identities.Identity id : identities.singleYear()) {
      if (Arrays.stream(id.cells()).allMatch(rowCells::contains)) {
        within.add(id);
      }
    }
    return new RowRun(row, cells, segments, digits, within);
  }

  /** The readings of one row that satisfy its own identities. */
  private List<long[]> readings(RowRun run, String name) throws RejectException {
    if (run.cells().size() == 1) {
      if (run.segments().size() != 1) {
        throw RejectException.of("row_value_count", "table", name, "row", run.row().displayLabel(),
            "found", run.segments().size(), "expected", 1, "values", run.digits());
      }
      return List.of(new long[] {-1}); // a single cell is read as printed, see record()
    }
    // each identity is checked as soon as the last of its cells is placed
    List<TemplateCatalog.Cell> cells = run.cells();
    List<int[]> positions = new ArrayList<>();
    List<Identities.Identity> checks = run.rowIdentities();
    for (Identities.Identity id : checks) {
      int[] pos = new int[2];
      pos[0] = -1;
      for (int c : id.cells()) {
        for (int k = 0; k < cells.size(); k++) {
          if (cells.get(k).index() == c) {
            pos[0] = Math.max(pos[0], k);
          }
        }
      }
      positions.add(pos);
    }
    List<long[]> found;
    try {
      found = GluedDigits.splits(run.segments(), cells.size(), (values, placed) -> {
        for (int i = 0; i < checks.size(); i++) {
          if (positions.get(i)[0] == placed - 1 && !holds(checks.get(i), cells, values)) {
            return false;
          }
        }
        return true;
      }, SPLIT_BUDGET);
    } catch (GluedDigits.BudgetExceeded e) {
      throw RejectException.of("layout_not_recoverable", "table", name, "detail",
          "“" + run.row().displayLabel() + "”行的数字“" + run.digits() + "”可能的拆分过多（" + e.getMessage() + "）");
    }
    if (found.isEmpty()) {
      throw RejectException.of("layout_not_recoverable", "table", name, "detail",
          "“" + run.row().displayLabel() + "”行的数字“" + run.digits() + "”无法拆成" + run.cells().size()
              + "个满足勾稽关系的数");
    }
    return found;
  }

  /** The identities of the table that tie cells of different rows together. */
  private List<Identities.Identity> spanningIdentities(TemplateCatalog.Table table, List<RowRun> runs) {
    Set<Integer> tableCells = tableCells(table);
    List<Identities.Identity> spanning = new ArrayList<>();
    for (Identities.Identity id : identities.singleYear()) {
      boolean inTable = Arrays.stream(id.cells()).allMatch(tableCells::contains);
      boolean withinOneRow = runs.stream().anyMatch(r -> r.rowIdentities().contains(id));
      if (inTable && !withinOneRow) {
        spanning.add(id);
      }
    }
    return spanning;
  }

  private Set<Integer> tableCells(TemplateCatalog.Table table) {
    Set<Integer> cells = new HashSet<>();
    catalog.cells().stream().filter(c -> c.table() == table.number()).forEach(c -> cells.add(c.index()));
    return cells;
  }

  /** Whether an identity within one row holds for the row's (partial) reading. */
  private static boolean holds(Identities.Identity id, List<TemplateCatalog.Cell> cells, long[] values) {
    return side(id.lhs(), cells, values) == side(id.rhs(), cells, values);
  }

  private static long side(List<Identities.Term> terms, List<TemplateCatalog.Cell> cells, long[] values) {
    long sum = 0;
    for (Identities.Term t : terms) {
      for (int k = 0; k < cells.size(); k++) {
        if (cells.get(k).index() == t.cell()) {
          sum += t.negative() ? -values[k] : values[k];
        }
      }
    }
    return sum;
  }

  /** Every choice of one reading per row that satisfies the identities spanning rows. */
  private List<long[][]> solve(TemplateCatalog.Table table, List<RowRun> runs, List<List<long[]>> candidates,
      List<Identities.Identity> spanning, String name) throws RejectException {
    Set<Integer> present = new HashSet<>();
    runs.forEach(r -> r.cells().forEach(c -> present.add(c.index())));
    Set<Integer> tableCells = tableCells(table);
    List<long[][]> solutions = new ArrayList<>();
    long[][] choice = new long[runs.size()][];
    int[] steps = {0};
    BigDecimal[] values = new BigDecimal[catalog.size()];
    // absent cells (a collapsed row group) do not exist in the report: they add nothing
    for (int i = 0; i < values.length; i++) {
      values[i] = tableCells.contains(i) && !present.contains(i) ? BigDecimal.ZERO : null;
    }
    choose(0, runs, candidates, choice, spanning, values, solutions, steps, name);
    if (solutions.isEmpty()) {
      throw RejectException.of("layout_not_recoverable", "table", name, "detail",
          "没有一种拆分能同时满足各列的勾稽关系（" + spanning.stream().map(Identities.Identity::ruleId)
              .distinct().collect(Collectors.joining("、")) + "）");
    }
    return solutions;
  }

  private void choose(int r, List<RowRun> runs, List<List<long[]>> candidates, long[][] choice,
      List<Identities.Identity> spanning, BigDecimal[] values, List<long[][]> out, int[] steps, String name)
      throws RejectException {
    if (++steps[0] > SOLVE_BUDGET) {
      throw RejectException.of("layout_not_recoverable", "table", name, "detail",
          "各行拆分的组合过多（超过" + SOLVE_BUDGET + "种）");
    }
    if (r == runs.size()) {
      for (Identities.Identity id : spanning) {
        if (!Boolean.TRUE.equals(id.holds(values))) {
          return;
        }
      }
      out.add(choice.clone());
      return;
    }
    for (long[] reading : candidates.get(r)) {
      choice[r] = reading;
      List<TemplateCatalog.Cell> cells = runs.get(r).cells();
      for (int c = 0; c < cells.size(); c++) {
        values[cells.get(c).index()] = reading[c] < 0 ? null : BigDecimal.valueOf(reading[c]);
      }
      choose(r + 1, runs, candidates, choice, spanning, values, out, steps, name);
    }
  }

  /** Among several solutions, keep those agreeing with numbers the narrative states, if any do. */
  private List<long[][]> preferNarrative(List<RowRun> runs, List<long[][]> solutions) {
    if (solutions.size() < 2) {
      return solutions;
    }
    Map<String, int[]> where = new LinkedHashMap<>(); // cell code -> {row, column}
    for (int r = 0; r < runs.size(); r++) {
      List<TemplateCatalog.Cell> cells = runs.get(r).cells();
      for (int c = 0; c < cells.size() && cells.size() > 1; c++) {
        where.put(cells.get(c).code(), new int[] {r, c}); // single cells are read as printed
      }
    }
    List<long[][]> kept = solutions;
    String text = Narrative.compact(narrative);
    for (Narrative.Statement statement : Narrative.get().statements()) {
      List<List<String>> readings = statement.readings().stream()
          .filter(cells -> where.keySet().containsAll(cells)).collect(Collectors.toList());
      List<BigDecimal> stated = readings.isEmpty() ? List.of() : Narrative.stated(text, statement);
      if (stated.isEmpty()) {
        continue;
      }
      List<long[][]> agreeing = kept.stream()
          .filter(s -> readings.stream().anyMatch(cells -> stated.contains(BigDecimal.valueOf(
              cells.stream().mapToLong(code -> s[where.get(code)[0]][where.get(code)[1]]).sum()))))
          .collect(Collectors.toList());
      if (!agreeing.isEmpty()) {
        kept = agreeing;
      }
    }
    return kept;
  }

  /** Writes a row's cells: values all solutions agree on, ambiguous for the rest. */
  private void record(RowRun run, int r, List<long[][]> solutions, ReportDraft draft) {
    List<TemplateCatalog.Cell> cells = run.cells();
    if (cells.size() == 1 && solutions.get(0)[r][0] < 0) {
      draft.set(cells.get(0), TextCell.of(run.digits()));
      return;
    }
    List<TemplateCatalog.Cell> undecided = new ArrayList<>();
    for (int c = 0; c < cells.size(); c++) {
      long first = solutions.get(0)[r][c];
      final int col = c;
      if (solutions.stream().allMatch(s -> s[r][col] == first)) {
        draft.set(cells.get(c), first);
      } else {
        undecided.add(cells.get(c));
      }
    }
    if (!undecided.isEmpty()) {
      Set<String> readings = new LinkedHashSet<>();
      for (long[][] s : solutions) {
        readings.add(Arrays.stream(s[r]).mapToObj(Long::toString).collect(Collectors.joining(",")));
      }
      draft.setAmbiguous(run.row(), undecided, run.digits(), List.copyOf(readings));
    }
  }

  private void requireNoDigits(int keyFrom, int keyTo, String table, String where) throws RejectException {
    for (int k = keyFrom; k < keyTo; k++) {
      if (Character.isDigit(text.key.charAt(k))) {
        int end = Math.min(keyTo, k + 20);
        throw RejectException.of("layout_not_recoverable", "table", table, "detail",
            "“" + where + "”之后有无法归属的数字“" + text.key.substring(k, end) + "”");
      }
    }
  }

  private int rawToKey(int rawPos) {
    // the first key position whose raw position is at or after rawPos
    int lo = 0;
    int hi = text.key.length();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (text.raw(mid) < rawPos) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** A row label's [start, end) in the key; start includes the item number before it. */
  private int[] findLabel(TemplateCatalog.Row row, int from, int to) {
    return findWords(row.labels(), row.item(), from, to);
  }

  private int[] findWords(List<String> labels, String item, int from, int to) {
    String normalizedItem = Labels.normalizeItem(item);
    int[] best = null;
    for (String label : labels) {
      String words = Labels.words(label);
      List<String> needles = new ArrayList<>();
      if (words.length() <= 2 && normalizedItem != null) {
        // 其他, 总计: only with their item number, or they would match headers
        needles.add(normalizedItem + words);
        needles.add(normalizedItem + "、" + words);
      } else {
        needles.add(words);
      }
      for (String needle : needles) {
        int at = text.key.indexOf(needle, from);
        if (at >= 0 && at + needle.length() <= to && (best == null || at < best[0])) {
          int start = needle.equals(words) ? at - itemPrefix(at, normalizedItem) : at;
          best = new int[] {Math.max(start, from), at + needle.length()};
        }
      }
    }
    return best;
  }

  /** Length of the row's own item number ("2", "2、", "(二)", "二、") right before the words. */
  private int itemPrefix(int wordsAt, String item) {
    if (item == null) {
      return 0;
    }
    for (String form : List.of(item + "、", item)) {
      if (wordsAt >= form.length() && text.key.startsWith(form, wordsAt - form.length())) {
        return form.length();
      }
    }
    return 0;
  }

  /**
   * A table heading: its words preceded by a section number (二、), since the same words also
   * appear in the report's introduction. Returns [start of the number, end of the words].
   */
  private int[] findHeading(int from, List<String> headings) {
    int[] any = null;
    for (String h : headings) {
      String words = Labels.words(h);
      for (int at = text.key.indexOf(words, from); at >= 0; at = text.key.indexOf(words, at + 1)) {
        if (at >= 2 && text.key.charAt(at - 1) == '、' && NUMERALS.indexOf(text.key.charAt(at - 2)) >= 0) {
          return new int[] {at - 2, at + words.length()};
        }
        if (any == null) {
          any = new int[] {at, at + words.length()};
        }
      }
    }
    return any;
  }

}
