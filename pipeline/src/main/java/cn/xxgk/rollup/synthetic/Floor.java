package cn.xxgk.rollup.synthetic;

import cn.xxgk.rollup.ingest.InputSpec;
import cn.xxgk.rollup.ingest.ParseReports;
import cn.xxgk.rollup.ingest.RejectException;
import cn.xxgk.rollup.ingest.ReportParser;
import cn.xxgk.rollup.ingest.TextDecoder;
import cn.xxgk.rollup.model.Finding;
import cn.xxgk.rollup.model.Identities;
import cn.xxgk.rollup.model.Narrative;
import cn.xxgk.rollup.model.Registry;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.TemplateCatalog;
import cn.xxgk.rollup.output.Column;
import cn.xxgk.rollup.output.CsvTables;
import cn.xxgk.rollup.output.OutputTable;
import cn.xxgk.rollup.output.TableRow;
import cn.xxgk.rollup.output.Tables;
import cn.xxgk.rollup.rollup.CellSums;
import cn.xxgk.rollup.rollup.Reconcile;
import cn.xxgk.rollup.rollup.Rollups;
import cn.xxgk.rollup.validate.ChooseVersions;
import cn.xxgk.rollup.validate.CrossYearChecks;
import cn.xxgk.rollup.validate.ReportChecks;
import cn.xxgk.rollup.validate.ResolveAgencies;
import cn.xxgk.rollup.validate.Validate;
import cn.xxgk.rollup.validate.Waivers;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The benchmark's floor: a plain single-threaded loop, no Beam, over the project's own code for
 * what the pipeline computes: it reads every file, parses it, attributes it to its registry
 * agency, keeps the latest version of each agency-year, reconciles aggregates, runs every check
 * (per report and across years), lists missing reports, and rolls up in memory: the city's and
 * categories' sums, every indicator, the rankings. The same functions the pipeline's steps call,
 * composed in a loop. It writes the figures (rollup_city, rollup_category, indicators, rankings
 * and the findings counted by rule) for {@code --compare} with the pipelines' tables; it writes no
 * tables, which the pipelines do.
 *
 * <pre>
 * java -cp xxgk-rollup.jar cn.xxgk.rollup.synthetic.Floor INPUT_DIR FIGURES_FILE [REGISTRY_CSV]
 * java -cp xxgk-rollup.jar cn.xxgk.rollup.synthetic.Floor --compare FIGURES_FILE OUTPUT_DIR...
 * </pre>
 */
public final class Floor {
  /** The tables the floor computes, compared row for row with the pipelines'. */
  private static final List<OutputTable> FIGURES =
      List.of(Tables.rollupCity(), Tables.rollupCategory(), Tables.indicators(), Tables.rankings());
  private static final String FINDINGS = "findings";

  private Floor() {}

  public static void main(String[] args) throws IOException {
    if (args[0].equals("--compare")) {
      boolean same = compare(Path.of(args[1]), List.of(args).subList(2, args.length).stream().map(Path::of).toList());
      System.exit(same ? 0 : 1);
    }
    long start = System.nanoTime();
    Summary summary = writeFigures(Path.of(args[0]), args.length > 2 ? Path.of(args[2]) : null, Path.of(args[1]));
    System.out.printf("floor: %s in %.1f s%n", summary, (System.nanoTime() - start) / 1e9);
  }

  /** What the loop did, for its summary line. */
  public record Summary(long files, long parsed, long current, long findings, long rankings) {}

  /**
   * Runs the loop over every regular file under {@code input} (with the agency registry
   * {@code registryCsv}, or none when null) and writes its figures to {@code figuresFile}.
   */
  public static Summary writeFigures(Path input, Path registryCsv, Path figuresFile) throws IOException {
    Registry registry = registryCsv != null ? readRegistry(registryCsv) : Registry.none();
    List<Path> files;
    try (Stream<Path> s = Files.walk(input)) {
      // the files the pipeline reads: hidden files and folders are skipped
      files = s.filter(Files::isRegularFile).filter(f -> !InputSpec.isHidden(input.relativize(f).toString()))
          .sorted().toList();
    }
    Figures figures = run(input, files, registry);
    try (BufferedWriter w = Files.newBufferedWriter(figuresFile, StandardCharsets.UTF_8)) {
      for (String line : figures.lines) {
        w.write(line);
        w.write('\n');
      }
    }
    return new Summary(files.size(), figures.parsed, figures.current, figures.findings, figures.rankings);
  }

  /** What the loop computed: its figures as lines, and counts for the summary. */
  private record Figures(List<String> lines, long parsed, long current, long findings, long rankings) {}

  private static Figures run(Path input, List<Path> files, Registry registry) throws IOException {
    TemplateCatalog catalog = TemplateCatalog.get();
    ReportParser parser = new ReportParser(catalog);
    List<Report> parsed = new ArrayList<>();
    for (Path f : files) {
      try {
        byte[] bytes = Files.readAllBytes(f);
        Report r = parser.parse(input.relativize(f).toString(), bytes);
        r = ParseReports.withProvenance(r, bytes, Files.getLastModifiedTime(f).toMillis());
        parsed.add(ResolveAgencies.resolve(registry, r));
      } catch (RejectException e) {
        // a rejected file: the pipelines list it in rejects
      }
    }
    // every report in one group: each step regroups by its own key (version, family, agency)
    List<Report> current = ChooseVersions.chooseLatest(parsed, superseded -> { });
    Map<Integer, Set<String>> reported = new TreeMap<>();
    List<Report> reconciled = Reconcile.compareGroup(current, registry,
        (agencyId, year) -> reported.computeIfAbsent(year, y -> new TreeSet<>()).add(agencyId));
    ReportChecks single = new ReportChecks(catalog, Identities.get(), Narrative.get());
    CrossYearChecks cross = new CrossYearChecks(Identities.get(), single);
    List<Report> checked = Validate.checkGroup(reconciled, single, cross, Waivers.none(), line -> { });
    List<Finding> findings = new ArrayList<>();
    checked.forEach(r -> findings.addAll(r.findings()));
    reported.forEach((year, agencies) -> findings.addAll(Reconcile.missing(year, agencies, registry)));

    Map<String, CellSums> sums = new TreeMap<>();
    for (Report r : checked) {
      for (String key : Rollups.sumKeys(r)) {
        sums.computeIfAbsent(key, k -> new CellSums(catalog.size())).add(r, false);
      }
    }
    List<TableRow> city = new ArrayList<>();
    List<TableRow> category = new ArrayList<>();
    List<TableRow> indicators = new ArrayList<>();
    List<TableRow> rankings = new ArrayList<>();
    Rollups.scopeRows(sums, registry, city::add, category::add, indicators::add);
    List<TableRow> agencyIndicators = new ArrayList<>();
    Rollups.agencyIndicators(checked, false, agencyIndicators::add);
    indicators.addAll(agencyIndicators);
    Map<Integer, List<TableRow>> byYear = new TreeMap<>();
    int year = Tables.indicators().indexOf("year");
    agencyIndicators.forEach(r -> byYear.computeIfAbsent((Integer) r.get(year), y -> new ArrayList<>()).add(r));
    byYear.forEach((y, agencies) -> Rollups.rankYear(y, agencies, Rollups.DEFAULT_MIN_SAMPLE, rankings::add));

    List<String> lines = new ArrayList<>();
    List<List<TableRow>> figureRows = List.of(city, category, indicators, rankings); // in the order of FIGURES
    for (int t = 0; t < FIGURES.size(); t++) {
      OutputTable table = FIGURES.get(t);
      figureRows.get(t).forEach(r -> lines.add(line(table, r)));
    }
    lines.addAll(findingLines(findings.stream().map(f -> ruleKey(f.ruleId(), f.severity(), String.valueOf(f.waived())))));
    return new Figures(lines, parsed.size(), current.size(), findings.size(), rankings.size());
  }

  /** A finding's rule, severity and waiver, the key findings are counted by. */
  private static String ruleKey(String ruleId, String severity, String waived) {
    return ruleId + "\t" + severity + "\t" + waived;
  }

  /** The findings lines of the figures: how many findings each rule key has. */
  private static List<String> findingLines(Stream<String> ruleKeys) {
    Map<String, Integer> byRule = new TreeMap<>();
    ruleKeys.forEach(k -> byRule.merge(k, 1, Integer::sum));
    List<String> lines = new ArrayList<>();
    byRule.forEach((rule, n) -> lines.add(FINDINGS + "\t" + rule + "\t" + n));
    return lines;
  }

  private static Registry readRegistry(Path path) throws IOException {
    try {
      return Registry.parse(path.toString(), TextDecoder.decode(Files.readAllBytes(path)).text());
    } catch (RejectException e) {
      throw new IllegalArgumentException(path + ": " + e.toReject(path.toString()).messageEn());
    }
  }

  /** A row as a line: the table, then each value normalised by its column's type. */
  private static String line(OutputTable table, TableRow r) {
    StringBuilder line = new StringBuilder(table.name());
    for (int i = 0; i < r.size(); i++) {
      Object v = r.get(i);
      line.append('\t').append(normalise(table.columns().get(i), v == null ? "" : v instanceof BigDecimal b
          ? b.toPlainString() : v.toString()));
    }
    return line.toString();
  }

  /** A value as text, equal for equal values: numbers without trailing zeros, text escaped for a line. */
  private static String normalise(Column column, String v) {
    if (v.isEmpty()) {
      return "";
    }
    return switch (column.type()) {
      case INT32, INT64, DECIMAL, RATE -> new BigDecimal(v).stripTrailingZeros().toPlainString();
      case BOOLEAN -> v;
      case STRING -> v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    };
  }

  /**
   * Checks that each pipeline output has the floor's figures: the same rows of rollup_city,
   * rollup_category, indicators and rankings (values compared by value, rows in any order), and
   * the same findings counted by rule, severity and waiver. Prints what differs.
   */
  public static boolean compare(Path figuresFile, List<Path> outputs) throws IOException {
    List<String> expected = new ArrayList<>(Files.readAllLines(figuresFile, StandardCharsets.UTF_8));
    expected.sort(null);
    boolean allSame = true;
    for (Path out : outputs) {
      List<String> got = pipelineFigures(out);
      got.sort(null);
      if (got.equals(expected)) {
        Map<String, Integer> counts = new TreeMap<>();
        got.forEach(l -> counts.merge(l.substring(0, l.indexOf('\t')), 1, Integer::sum));
        System.out.println("same figures as the floor " + counts + ": " + out);
        continue;
      }
      allSame = false;
      List<String> missing = new ArrayList<>(expected);
      missing.removeAll(new java.util.HashSet<>(got));
      List<String> extra = new ArrayList<>(got);
      extra.removeAll(new java.util.HashSet<>(expected));
      System.out.println("DIFFERENT figures: " + out + " (" + missing.size() + " floor lines not in it, "
          + extra.size() + " lines not in the floor's)");
      missing.stream().limit(5).forEach(l -> System.out.println("  floor only:    " + l));
      extra.stream().limit(5).forEach(l -> System.out.println("  pipeline only: " + l));
    }
    return allSame;
  }

  /** The same lines as the floor's, from a pipeline's output folder. */
  private static List<String> pipelineFigures(Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    for (OutputTable table : FIGURES) {
      CsvTables.forEach(out, table.name(), rec -> {
        StringBuilder line = new StringBuilder(table.name());
        for (Column c : table.columns()) {
          String v = rec.get(c.name());
          line.append('\t').append(normalise(c, c.type() == Column.Type.STRING ? CsvTables.text(v) : v));
        }
        lines.add(line.toString());
      });
    }
    List<String> ruleKeys = new ArrayList<>();
    CsvTables.forEach(out, FINDINGS, f -> ruleKeys.add(ruleKey(f.get("rule_id"), f.get("severity"), f.get("waived"))));
    lines.addAll(findingLines(ruleKeys.stream()));
    return lines;
  }
}
