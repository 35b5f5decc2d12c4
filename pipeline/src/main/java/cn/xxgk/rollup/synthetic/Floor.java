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
    System.out.printf("floor: %d files, %d parsed, %d rejected, %d findings in %.1f s%n", files.size(), parsed, rejected,
        findings, seconds);
  }
}
