package cn.xxgk.rollup.synthetic;

import cn.xxgk.rollup.model.CellStatus;
import cn.xxgk.rollup.model.Provenance;
import cn.xxgk.rollup.model.Registry;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.SourceForm;
import cn.xxgk.rollup.model.TemplateCatalog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Writes a synthetic corpus: N reports of M agencies over Y consecutive years, with consistent
 * values (every identity holds, carry-overs and documents in force chain across years), rendered
 * in a mix of forms, a registry for the agencies, a chosen share of reports with one injected
 * error, and the ground truth (expected cells, findings, rejects, city totals) in a separate
 * folder so that it is never read as input. Deterministic for a given seed.
 *
 * <pre>
 * java -cp pipeline/target/xxgk-rollup.jar cn.xxgk.rollup.synthetic.CorpusGenerator \
 *     --out=DIR [--reports=1000] [--years=3] [--errorShare=0.1] [--seed=1] [--forms=all|text]
 * </pre>
 *
 * Writes DIR/input/ (the reports), DIR/registry.csv and DIR/truth/.
 */
public final class CorpusGenerator {
  /** The forms a report may be written in; "text" uses the first three. */
  static final List<String> ALL_FORMS = List.of("web_text", "layout_text", "crawler_text", "html", "docx", "csv", "json");
  private static final List<String> CATEGORIES = List.of("市直部门", "县市区政府", "乡镇街道");
  private static final String DIGITS = "〇一二三四五六七八九";
  private static final int FIRST_YEAR = 2021;

  private final TemplateCatalog catalog = TemplateCatalog.get();
  private final Random random;
  private final List<String> forms;
  private final double errorShare;

  CorpusGenerator(long seed, List<String> forms, double errorShare) {
    this.random = new Random(seed);
    this.forms = forms;
    this.errorShare = errorShare;
  }

  /** What the corpus holds, for callers that check a run against it. */
  public record Summary(int reports, int agencies, int years, int withErrors, int expectedRejects) {}

  public static void main(String[] args) throws IOException {
    Map<String, String> a = new TreeMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      a.put(arg.substring(2, eq < 0 ? arg.length() : eq), eq < 0 ? "true" : arg.substring(eq + 1));
    }
    if (!a.containsKey("out")) {
      System.err.println("usage: CorpusGenerator --out=DIR [--reports=1000] [--years=3] [--errorShare=0.1] [--seed=1] [--forms=all|text]");
      System.exit(2);
    }
    Summary s = generate(Path.of(a.get("out")), Integer.parseInt(a.getOrDefault("reports", "1000")),
        Integer.parseInt(a.getOrDefault("years", "3")), Double.parseDouble(a.getOrDefault("errorShare", "0.1")),
        Long.parseLong(a.getOrDefault("seed", "1")), a.getOrDefault("forms", "all"));
    System.out.println("corpus: " + s);
  }

  public static Summary generate(Path out, int reports, int years, double errorShare, long seed, String forms)
      throws IOException {
    List<String> chosen = forms.equals("text") ? ALL_FORMS.subList(0, 3) : ALL_FORMS;
    return new CorpusGenerator(seed, chosen, errorShare).write(out, reports, years);
  }

  Summary write(Path out, int reports, int years) throws IOException {
    int agencies = (reports + years - 1) / years;
    Path input = Files.createDirectories(out.resolve("input"));
    Path truth = Files.createDirectories(out.resolve("truth"));
    int errors = 0;
    int rejects = 0;
    Map<Integer, BigDecimal[]> cityTotals = new TreeMap<>();
    try (BufferedWriter registry = writer(out.resolve("registry.csv"));
        BufferedWriter cells = writer(truth.resolve("expected_reports.csv"));
        BufferedWriter findings = writer(truth.resolve("expected_findings.csv"));
        BufferedWriter rejected = writer(truth.resolve("expected_rejects.csv"))) {
      registry.write(String.join(",", Registry.HEADER) + "\n");
      cells.write("source_file,agency_id,year," + String.join(",", catalog.cells().stream().map(TemplateCatalog.Cell::code).toList()) + "\n");
      findings.write("source_file,rule_id,cells\n");
      rejected.write("source_file,reason_code\n");
      int written = 0;
      for (int i = 1; i <= agencies && written < reports; i++) {
        String id = String.format("syn%05d", i);
        String category = CATEGORIES.get(i % CATEGORIES.size());
        String name = "合成市" + chinese(i) + "号" + (category.equals("市直部门") ? "局" : category.equals("县市区政府") ? "区人民政府" : "街道办事处");
        registry.write(id + "," + name + ",," + category + ",,false\n");
        long[] carried = new long[6];
        long[] inForce = {random.nextInt(20), random.nextInt(200)};
        for (int y = 0; y < years && written < reports; y++, written++) {
          int year = FIRST_YEAR + y;
          BigDecimal[] v = values(carried, inForce);
          boolean error = random.nextDouble() < errorShare;
          String form = forms.get(written % forms.size());
          String file = year + "/" + id + "_" + year + extension(form);
          if (error) {
            int at = catalog.cell("received_new__natural_person").index();
            v[at] = v[at].add(BigDecimal.valueOf(1 + random.nextInt(5)));
            errors++;
          }
          Report r = report(file, name, year, v);
          byte[] bytes = render(r, form);
          Path path = input.resolve(file);
          Files.createDirectories(path.getParent());
          Files.write(path, bytes);
          if (error && form.equals("crawler_text")) {
            // positions in glued digits are inferred: a broken identity leaves no reading
            rejected.write(file + ",layout_not_recoverable\n");
            rejects++;
            continue;
          }
          StringBuilder row = new StringBuilder(file + "," + id + "," + year);
          for (BigDecimal x : v) {
            row.append(',').append(x.toPlainString());
          }
          cells.write(row + "\n");
          BigDecimal[] total = cityTotals.computeIfAbsent(year, k -> new BigDecimal[catalog.size()]);
          for (int c = 0; c < v.length; c++) {
            total[c] = total[c] == null ? v[c] : total[c].add(v[c]);
          }
          if (error) {
            findings.write(file + ",R1,received_new__natural_person;carried_over_in__natural_person;"
                + "handled_total__natural_person;carried_over_out__natural_person\n");
            findings.write(file + ",R2,received_new__total;received_new__natural_person;received_new__business;"
                + "received_new__research;received_new__nonprofit;received_new__legal_service;received_new__other_org\n");
          }
        }
      }
    }
    try (BufferedWriter w = writer(truth.resolve("expected_city_totals.csv"))) {
      w.write("year," + String.join(",", catalog.cells().stream().map(TemplateCatalog.Cell::code).toList()) + "\n");
      for (Map.Entry<Integer, BigDecimal[]> e : cityTotals.entrySet()) {
        StringBuilder row = new StringBuilder(String.valueOf(e.getKey()));
        for (BigDecimal x : e.getValue()) {
          row.append(',').append(x.toPlainString());
        }
        w.write(row + "\n");
      }
    }
    return new Summary(Math.min(reports, agencies * years), agencies, years, errors, rejects);
  }

  /** One agency-year's cells, consistent with the template's identities and the previous year. */
  private BigDecimal[] values(long[] carried, long[] inForce) {
    long[] v = new long[catalog.size()];
    set(v, "regulation_issued", random.nextInt(3));
    set(v, "regulation_repealed", Math.min(inForce[0], random.nextInt(2)));
    inForce[0] += get(v, "regulation_issued") - get(v, "regulation_repealed");
    set(v, "regulation_in_force", inForce[0]);
    set(v, "normative_doc_issued", random.nextInt(12));
    set(v, "normative_doc_repealed", Math.min(inForce[1], random.nextInt(4)));
    inForce[1] += get(v, "normative_doc_issued") - get(v, "normative_doc_repealed");
    set(v, "normative_doc_in_force", inForce[1]);
    set(v, "licensing_decisions", random.nextInt(100_000));
    set(v, "penalty_decisions", random.nextInt(5_000));
    set(v, "coercion_decisions", random.nextInt(500));
    List<TemplateCatalog.Row> rows = catalog.table(3).rows();
    List<TemplateCatalog.Row> results = rows.subList(2, 23); // （一） .. （六）3
    for (int c = 0; c < 6; c++) {
      long received = c == 0 ? random.nextInt(200) : random.nextInt(10) < 2 ? random.nextInt(6) : 0;
      long available = received + carried[c];
      long out = available == 0 ? 0 : random.nextInt((int) Math.min(available / 10 + 1, Integer.MAX_VALUE));
      long handled = available - out;
      v[rows.get(0).cells().get(c).index()] = received;
      v[rows.get(1).cells().get(c).index()] = carried[c];
      v[rows.get(24).cells().get(c).index()] = out;
      v[rows.get(23).cells().get(c).index()] = handled;
      long left = handled;
      for (int k = 0; k < results.size(); k++) {
        long x = k == results.size() - 1 ? left : (k == 0 ? left / 2 : random.nextInt((int) (left / 4 + 1)));
        v[results.get(k).cells().get(c).index()] = x;
        left -= x;
      }
      carried[c] = out;
    }
    for (TemplateCatalog.Row row : rows) {
      long sum = 0;
      for (int c = 0; c < 6; c++) {
        sum += v[row.cells().get(c).index()];
      }
      v[row.cells().get(6).index()] = sum;
    }
    for (String g : List.of("review", "suit_direct", "suit_after_review")) {
      long total = 0;
      for (String part : List.of("_upheld", "_corrected", "_other", "_pending")) {
        long x = random.nextInt(4);
        set(v, g + part, x);
        total += x;
      }
      set(v, g + "_total", total);
    }
    BigDecimal[] out = new BigDecimal[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = BigDecimal.valueOf(v[i]);
    }
    out[catalog.cell("fee_amount_wan_yuan").index()] = BigDecimal.valueOf(random.nextInt(1_000_000), 2);
    return out;
  }

  private Report report(String file, String name, int year, BigDecimal[] values) {
    CellStatus[] statuses = new CellStatus[values.length];
    java.util.Arrays.fill(statuses, CellStatus.OK);
    return new Report(file, name, "", "", false, year, year, SourceForm.WEB_TEXT, "2021", statuses, values,
        Map.of(), List.of(), Provenance.UNKNOWN);
  }

  private byte[] render(Report r, String form) throws IOException {
    String narrative = "本年度共受理政府信息公开申请" + r.value("received_new__total").toPlainString() + "件。";
    return switch (form) {
      case "web_text" -> Renderers.webText(r, narrative).getBytes(StandardCharsets.UTF_8);
      case "layout_text" -> Renderers.layoutText(r, narrative).getBytes(StandardCharsets.UTF_8);
      case "crawler_text" -> Renderers.glued(r, narrative, true).getBytes(StandardCharsets.UTF_8);
      case "html" -> Renderers.html(r).getBytes(StandardCharsets.UTF_8);
      case "docx" -> Renderers.docx(r);
      case "csv" -> Renderers.csv(r).getBytes(StandardCharsets.UTF_8);
      case "json" -> Renderers.json(r).getBytes(StandardCharsets.UTF_8);
      default -> throw new IllegalArgumentException(form);
    };
  }

  private static String extension(String form) {
    return switch (form) {
      case "html" -> ".html";
      case "docx" -> ".docx";
      case "csv" -> ".csv";
      case "json" -> ".json";
      default -> ".txt";
    };
  }

  private void set(long[] v, String code, long x) {
    v[catalog.cell(code).index()] = x;
  }

  private long get(long[] v, String code) {
    return v[catalog.cell(code).index()];
  }

  private static String chinese(int n) {
    StringBuilder s = new StringBuilder();
    for (char ch : Integer.toString(n).toCharArray()) {
      s.append(DIGITS.charAt(ch - '0'));
    }
    return s.toString();
  }

  private static BufferedWriter writer(Path p) throws IOException {
    return Files.newBufferedWriter(p, StandardCharsets.UTF_8);
  }

  static List<String> forms() {
    return new ArrayList<>(ALL_FORMS);
  }
}
