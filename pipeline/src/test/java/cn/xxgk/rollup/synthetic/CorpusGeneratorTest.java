package cn.xxgk.rollup.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xxgk.rollup.XxgkRollup;
import cn.xxgk.rollup.model.TemplateCatalog;
import cn.xxgk.rollup.output.CsvTables;
import cn.xxgk.rollup.output.Tables;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small synthetic corpus in every form, run through the pipeline and checked against its truth. */
class CorpusGeneratorTest {
  @TempDir static Path work;
  static Path corpus;
  static Path out;
  static CorpusGenerator.Summary summary;

  @BeforeAll
  static void generateAndRun() throws Exception {
    corpus = work.resolve("corpus");
    summary = CorpusGenerator.generate(corpus, 63, 3, 0.2, 11, "all");
    out = work.resolve("out");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = XxgkRollup.run(new String[] {"--input=" + corpus.resolve("input"), "--output=" + out,
        "--registry=" + corpus.resolve("registry.csv")}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void everyCellOfEveryReportIsRecovered() throws Exception {
    List<Map<String, String>> truth = read(corpus.resolve("truth/expected_reports.csv"));
    Map<String, Map<String, String>> got = new TreeMap<>();
    CsvTables.read(out, "reports").forEach(r -> got.put(r.get("source_file"), r));
    assertEquals(truth.stream().map(r -> r.get("source_file")).sorted().toList(), List.copyOf(got.keySet()));
    for (Map<String, String> t : truth) {
      Map<String, String> g = got.get(t.get("source_file"));
      assertEquals(t.get("agency_id"), g.get("agency_id"));
      for (TemplateCatalog.Cell c : TemplateCatalog.get().cells()) {
        assertEquals(0, new BigDecimal(t.get(c.code())).compareTo(new BigDecimal(g.get(c.code()))),
            t.get("source_file") + " " + c.code());
      }
    }
    assertEquals(summary.reports() - summary.expectedRejects(), truth.size());
  }

  @Test
  void injectedErrorsGiveExactlyTheExpectedFindingsAndRejects() throws Exception {
    TreeSet<String> expected = new TreeSet<>();
    read(corpus.resolve("truth/expected_findings.csv")).forEach(f -> expected.add(f.get("source_file") + " " + f.get("rule_id") + " " + f.get("cells")));
    TreeSet<String> got = new TreeSet<>();
    CsvTables.read(out, "findings").stream().filter(f -> !f.get("rule_id").equals("missing_report"))
        .forEach(f -> got.add(f.get("source_file") + " " + f.get("rule_id") + " " + f.get("cells")));
    assertEquals(expected, got);
    TreeSet<String> rejects = new TreeSet<>();
    CsvTables.read(out, "rejects").forEach(r -> rejects.add(r.get("source_file") + " " + r.get("reason_code")));
    TreeSet<String> expectedRejects = new TreeSet<>();
    read(corpus.resolve("truth/expected_rejects.csv")).forEach(r -> expectedRejects.add(r.get("source_file") + " " + r.get("reason_code")));
    assertEquals(expectedRejects, rejects);
  }

  @Test
  void cityTotalsEqualTheTruth() throws Exception {
    List<Map<String, String>> truth = read(corpus.resolve("truth/expected_city_totals.csv"));
    List<Map<String, String>> got = CsvTables.read(out, "rollup_city");
    assertEquals(truth.size(), got.size());
    for (int i = 0; i < truth.size(); i++) {
      for (TemplateCatalog.Cell c : TemplateCatalog.get().cells()) {
        assertEquals(0, new BigDecimal(truth.get(i).get(c.code())).compareTo(new BigDecimal(got.get(i).get(c.code()))),
            truth.get(i).get("year") + " " + c.code());
      }
    }
  }

  @Test
  void theFloorComputesThePipelinesFigures() throws Exception {
    Path figures = work.resolve("floor.tsv");
    Floor.Summary floor = Floor.writeFigures(corpus.resolve("input"), corpus.resolve("registry.csv"), figures);
    assertEquals(new Floor.Summary(summary.reports(), summary.reports() - summary.expectedRejects(),
        summary.reports() - summary.expectedRejects(), CsvTables.read(out, "findings").size(),
        CsvTables.read(out, "rankings").size()), floor);
    assertTrue(Floor.compare(figures, List.of(out)));
    // one ranking changed: the comparison must notice
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(figures, StandardCharsets.UTF_8));
    int ranked = lines.indexOf(lines.stream().filter(l -> l.startsWith("rankings\t") && l.endsWith("\ttrue"))
        .findFirst().orElseThrow());
    String[] cells = lines.get(ranked).split("\t", -1);
    int rank = 1 + Tables.rankings().indexOf("rank");
    cells[rank] = String.valueOf(Integer.parseInt(cells[rank]) + 1);
    lines.set(ranked, String.join("\t", cells));
    Files.write(figures, lines, StandardCharsets.UTF_8);
    assertFalse(Floor.compare(figures, List.of(out)));
  }

  @Test
  void theSameSeedWritesTheSameCorpus() throws Exception {
    Path again = work.resolve("again");
    CorpusGenerator.generate(again, 63, 3, 0.2, 11, "all");
    try (Stream<Path> files = Files.walk(corpus)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertEquals(Files.mismatch(f, again.resolve(corpus.relativize(f))), -1L, f.toString());
      }
    }
  }

  private static List<Map<String, String>> read(Path csv) throws Exception {
    Path dir = Files.createTempDirectory(work, "t");
    Files.createDirectories(dir.resolve("csv"));
    Files.copy(csv, dir.resolve("csv/t.csv"));
    return CsvTables.read(dir, "t");
  }
}
