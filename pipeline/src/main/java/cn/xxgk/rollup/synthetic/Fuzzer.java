package cn.xxgk.rollup.synthetic;

import cn.xxgk.rollup.ingest.ParseLimits;
import cn.xxgk.rollup.ingest.RejectException;
import cn.xxgk.rollup.ingest.ReportParser;
import cn.xxgk.rollup.model.Finding;
import cn.xxgk.rollup.model.Identities;
import cn.xxgk.rollup.model.Narrative;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.TemplateCatalog;
import cn.xxgk.rollup.validate.ReportChecks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Damages real reports at random (truncated, bytes flipped, cells replaced by garbage, lines
 * dropped or swapped, random binary, empty) and checks the parser's promises on each variant: no
 * exception escapes (a file is a report or a reject with a catalogued reason), and no wrong
 * number is accepted silently: a damaged report that parses either equals the original, or every
 * table-三/四 cell that differs is caught by a finding (blank, invalid, ambiguous, or an identity
 * it breaks). Table 二 has no identity: a digit changed there cannot be caught, and is not counted.
 *
 * <pre>java -cp xxgk-rollup.jar cn.xxgk.rollup.synthetic.Fuzzer SAMPLES_DIR [cases] [seed]</pre>
 */
public final class Fuzzer {
  /** What a run found. */
  public record Result(int cases, int parsedEqual, int parsedWithFindings, int rejected, List<String> violations,
      Map<String, Integer> rejectReasons, double maxWorkRatio) {}

  /**
   * The work budget of one damaged file, asserted per case: the bytes its parse allocates on the
   * parsing thread (a count of work done, unlike time, the same on any machine load) may be at
   * most this many times those of the undamaged file, plus {@link #WORK_BASE}. The parser's
   * counted limits (glued-digit search, cells, line length, pages) are what keep it there; a
   * damage that made the work explode past them would show here. Measured at 3,000 cases: at
   * most 3.1 times.
   */
  static final long WORK_FACTOR = 8;
  static final long WORK_BASE = 8L << 20;

  private final TemplateCatalog catalog = TemplateCatalog.get();
  private final ReportParser parser = new ReportParser(catalog, ParseLimits.DEFAULT);
  private final ReportChecks checks = new ReportChecks(catalog, Identities.get(), Narrative.get());
  private final Random random;

  public Fuzzer(long seed) {
    this.random = new Random(seed);
  }

  public static void main(String[] args) throws IOException {
    List<Path> samples;
    try (Stream<Path> s = Files.walk(Path.of(args[0]))) {
      samples = s.filter(Files::isRegularFile).sorted().toList();
    }
    Map<String, byte[]> originals = new LinkedHashMap<>();
    for (Path p : samples) {
      originals.put(p.getFileName().toString(), Files.readAllBytes(p));
    }
    Result r = new Fuzzer(args.length > 2 ? Long.parseLong(args[2]) : 1)
        .run(originals, args.length > 1 ? Integer.parseInt(args[1]) : 2000);
    System.out.println("fuzz: " + r.cases() + " cases: " + r.parsedEqual() + " parsed unchanged, " + r.parsedWithFindings()
        + " parsed with findings, " + r.rejected() + " rejected " + r.rejectReasons()
        + String.format(java.util.Locale.ROOT, "; most work of a damaged file: %.2f x the undamaged one's", r.maxWorkRatio()));
    r.violations().forEach(v -> System.out.println("VIOLATION " + v));
    System.exit(r.violations().isEmpty() ? 0 : 1);
  }

  public Result run(Map<String, byte[]> originals, int cases) {
    List<String> names = new ArrayList<>(originals.keySet());
    List<String> violations = new ArrayList<>();
    Map<String, Integer> reasons = new java.util.TreeMap<>();
    int equal = 0;
    int withFindings = 0;
    int rejected = 0;
    double maxRatio = 0;
    for (int i = 0; i < cases; i++) {
      String name = names.get(random.nextInt(names.size()));
      byte[] original = originals.get(name);
      String how = mutation();
      byte[] damaged = damage(original, how);
      String label = "case " + i + " (" + how + " of " + name + ")";
      Report before;
      long work = allocated();
      try {
        before = parser.parse(name, original);
      } catch (RejectException e) {
        before = null;
      }
      long originalWork = allocated() - work;
      work = allocated();
      try {
        Report after = parser.parse(name, damaged);
        List<Finding> findings = new ArrayList<>(after.findings());
        findings.addAll(checks.check(after));
        List<String> changed = changedCells(before, after);
        if (changed.isEmpty()) {
          equal++;
        } else if (!findings.isEmpty() || before == null) {
          withFindings++;
        } else {
          violations.add(label + ": cells changed with no finding: " + changed);
        }
      } catch (RejectException e) {
        rejected++;
        reasons.merge(e.reasonCode(), 1, Integer::sum);
      } catch (RuntimeException | StackOverflowError e) {
        StringBuilder where = new StringBuilder();
        for (StackTraceElement f : java.util.Arrays.copyOf(e.getStackTrace(), Math.min(6, e.getStackTrace().length))) {
          where.append("\n    at ").append(f);
        }
        violations.add(label + ": " + e + where);
      }
      long damagedWork = allocated() - work;
      if (originalWork > 0) {
        maxRatio = Math.max(maxRatio, (double) damagedWork / originalWork);
        if (damagedWork > WORK_FACTOR * originalWork + WORK_BASE) {
          violations.add(label + ": parsing allocated " + damagedWork + " bytes, over " + WORK_FACTOR
              + " x the undamaged file's " + originalWork + " + " + WORK_BASE);
        }
      }
    }
    return new Result(cases, equal, withFindings, rejected, violations, reasons, maxRatio);
  }

  /** Bytes allocated so far by this thread; 0 where the JVM cannot tell, which turns the check off. */
  private static long allocated() {
    return java.lang.management.ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
        ? Math.max(0, t.getCurrentThreadAllocatedBytes()) : 0;
  }

  private String mutation() {
    return List.of("truncate", "flip", "garbage_cell", "drop_line", "swap_lines", "binary", "empty")
        .get(random.nextInt(7));
  }

  byte[] damage(byte[] original, String how) {
    switch (how) {
      case "truncate":
        return java.util.Arrays.copyOf(original, random.nextInt(Math.max(1, original.length)));
      case "flip": {
        byte[] b = original.clone();
        for (int k = 0, n = 1 + random.nextInt(8); k < n && b.length > 0; k++) {
          b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return b;
      }
      case "garbage_cell":
        return replaceANumber(original);
      case "drop_line":
      case "swap_lines": {
        String[] lines = new String(original, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length < 3) {
          return original;
        }
        List<String> l = new ArrayList<>(List.of(lines));
        int a = random.nextInt(l.size());
        if (how.equals("drop_line")) {
          l.remove(a);
        } else {
          java.util.Collections.swap(l, a, random.nextInt(l.size()));
        }
        return String.join("\n", l).getBytes(StandardCharsets.UTF_8);
      }
      case "binary": {
        byte[] b = new byte[1 + random.nextInt(4096)];
        random.nextBytes(b);
        return b;
      }
      default:
        return new byte[0];
    }
  }

  /** One number of the text replaced by a word, a dash, a negative or another number. */
  private byte[] replaceANumber(byte[] original) {
    String text = new String(original, StandardCharsets.UTF_8);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(text);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    if (spans.isEmpty()) {
      return original;
    }
    int[] at = spans.get(random.nextInt(spans.size()));
    String with = List.of("无", "-", "—", "-5", "abc", "12a", String.valueOf(random.nextInt(1000)), "")
        .get(random.nextInt(8));
    return (text.substring(0, at[0]) + with + text.substring(at[1])).getBytes(StandardCharsets.UTF_8);
  }

  /** Cells of tables 三 and 四 whose status or value differ (table 二 has no identity to catch a change). */
  private List<String> changedCells(Report before, Report after) {
    List<String> changed = new ArrayList<>();
    if (before == null) {
      return List.of("(the original is rejected)");
    }
    for (TemplateCatalog.Cell c : catalog.cells()) {
      if (c.table() == 2) {
        continue;
      }
      boolean same = before.status(c.index()) == after.status(c.index())
          && (before.value(c.index()) == null ? after.value(c.index()) == null
              : after.value(c.index()) != null && before.value(c.index()).compareTo(after.value(c.index())) == 0);
      if (!same) {
        changed.add(c.code());
      }
    }
    return changed;
  }
}
