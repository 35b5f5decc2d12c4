package cn.xxgk.rollup.synthetic;

import cn.xxgk.rollup.ingest.RejectException;
import cn.xxgk.rollup.ingest.ReportParser;
import cn.xxgk.rollup.model.Identities;
import cn.xxgk.rollup.model.Narrative;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.TemplateCatalog;
import cn.xxgk.rollup.validate.ReportChecks;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The benchmark's floor: a plain single-threaded loop, no Beam, that reads every file and runs the
 * project's own parsing, per-report validation and an in-memory city rollup. Writes the city
 * totals for comparison with the pipelines' rollup_city, and prints its time and peak memory.
 *
 * <pre>java -cp xxgk-rollup.jar cn.xxgk.rollup.synthetic.Floor INPUT_DIR TOTALS_CSV</pre>
 */
public final class Floor {
  private Floor() {}

  public static void main(String[] args) throws IOException {
    if (args[0].equals("--compare")) {
      compare(Path.of(args[1]), List.of(args).subList(2, args.length).stream().map(Path::of).toList());
      return;
    }
    long start = System.nanoTime();
    TemplateCatalog catalog = TemplateCatalog.get();
    ReportParser parser = new ReportParser(catalog);
    ReportChecks checks = new ReportChecks(catalog, Identities.get(), Narrative.get());
    Map<Integer, BigDecimal[]> totals = new TreeMap<>();
    long parsed = 0;
    long rejected = 0;
    long findings = 0;
    Path input = Path.of(args[0]);
    List<Path> files;
    try (Stream<Path> s = Files.walk(input)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      try {
        Report r = parser.parse(input.relativize(f).toString(), Files.readAllBytes(f));
        findings += r.findings().size() + checks.check(r).size();
        BigDecimal[] known = Identities.known(r);
        BigDecimal[] t = totals.computeIfAbsent(r.year(), y -> new BigDecimal[catalog.size()]);
        for (int i = 0; i < known.length; i++) {
          if (known[i] != null) {
            t[i] = t[i] == null ? known[i] : t[i].add(known[i]);
          }
        }
        parsed++;
      } catch (RejectException e) {
        rejected++;
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
      w.write("year," + String.join(",", catalog.cells().stream().map(TemplateCatalog.Cell::code).toList()) + "\n");
      for (Map.Entry<Integer, BigDecimal[]> e : totals.entrySet()) {
        StringBuilder row = new StringBuilder(String.valueOf(e.getKey()));
        for (BigDecimal v : e.getValue()) {
          row.append(',').append(v == null ? "" : v.toPlainString());
        }
        w.write(row + "\n");
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    // keep the loop honest: the work above must not be optimised away
    if (findings < 0) {
      throw new IllegalStateException();
    }
    System.out.printf("floor: %d files, %d parsed, %d rejected, %d findings in %.1f s%n", files.size(), parsed, rejected,
        findings, seconds);
  }

  /** Checks that each pipeline's rollup_city has the floor's totals; exits 1 on a difference. */
  static void compare(Path floor, List<Path> pipelines) throws IOException {
    List<String> expected = totals(floor);
    for (Path p : pipelines) {
      List<String> got = totals(p);
      if (!got.equals(expected)) {
        System.out.println("DIFFERENT city totals: " + p);
        System.exit(1);
      }
      System.out.println("same city totals as the floor: " + p);
    }
  }

  /** year and cell sums of a totals CSV, numbers compared by value. */
  private static List<String> totals(Path csv) throws IOException {
    java.util.Set<String> cells = new java.util.HashSet<>();
    TemplateCatalog.get().cells().forEach(c -> cells.add(c.code()));
    List<String> out = new java.util.ArrayList<>();
    String text = Files.readString(csv, StandardCharsets.UTF_8).replace("\ufeff", "");
    try (org.apache.commons.csv.CSVParser p = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
        .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(text))) {
      for (org.apache.commons.csv.CSVRecord r : p) {
        StringBuilder row = new StringBuilder("year=" + r.get("year"));
        for (String column : p.getHeaderNames()) {
          if (cells.contains(column)) {
            String v = r.get(column);
            row.append(' ').append(column).append('=')
                .append(v.isEmpty() ? "" : new BigDecimal(v).stripTrailingZeros().toPlainString());
          }
        }
        out.add(row.toString());
      }
    }
    return out;
  }
}
