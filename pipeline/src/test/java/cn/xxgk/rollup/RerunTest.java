package cn.xxgk.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xxgk.rollup.output.CsvTables;
import cn.xxgk.rollup.output.RunFolders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-runs when corrections arrive: the correction wins, changes are listed, publishing is safe. */
class RerunTest {
  private static final String HONGZE = "2024_huaian_hongzequ_gov_pdf-layout.txt";
  private static final String JINING = "2024_jining_xingzheng_shenpi_fuwuju_pagetext.txt";

  @TempDir Path work;

  private record Run(int code, String out, String err) {}

  private Run run(Path in, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("--input=" + in, "--output=" + out));
    args.addAll(List.of(extra));
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = XxgkRollup.run(args.toArray(String[]::new), new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8));
    return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aCorrectionReplacesTheReportAndTheChangesAreListed() throws Exception {
    Path in = work.resolve("in");
    Samples.copyTo(in, HONGZE, JINING);
    Path out = work.resolve("out");
    assertEquals(0, run(in, out).code());
    assertEquals("122", cityTotal(out, "received_new__total")); // 95 + 27

    // 洪泽 sends a corrected report: 96 new applications from natural persons, one more granted
    Path corrections = Files.createDirectories(in.resolve("corrections"));
    Files.writeString(corrections.resolve("hongze_2024.r2.txt"), Samples.text(HONGZE)
        .replace("一、本年新收政府信息公开申请数量                             95    0         0     0   0   0     95",
            "一、本年新收政府信息公开申请数量                             96    0         0     0   0   0     96")
        .replace("（一）予以公开                    50    0         0     0   0   0     50",
            "（一）予以公开                    51    0         0     0   0   0     51")
        .replace("（七）总计                             95   0   0   0    0    0   95",
            "（七）总计                             96   0   0   0    0    0   96"));
    Run second = run(in, out);
    assertEquals(0, second.code(), second.err());
    assertTrue(second.out().contains("3 files read, 3 parsed, 0 rejected; 2 current reports, 1 superseded"), second.out());
    assertTrue(second.out().contains("figures changed for 淮安市洪泽区人民政府"), second.out());
    assertEquals("123", cityTotal(out, "received_new__total")); // 96 + 27
    List<String> cells = new ArrayList<>();
    for (Map<String, String> c : CsvTables.read(out, "changes")) {
      cells.add(c.get("kind") + " " + c.get("agency_id") + " " + c.get("item") + " " + c.get("applicant") + " "
          + c.get("old_value") + "->" + c.get("new_value"));
    }
    assertTrue(cells.containsAll(List.of(
        "cell name:淮安市洪泽区人民政府 received_new natural_person 95->96",
        "cell name:淮安市洪泽区人民政府 granted total 50->51",
        "rollup city received_new total 122->123")), cells.toString());
    // 洪泽's rates moved (60/96 is disclosed now) but its ranks among the two agencies did not
    assertTrue(cells.stream().noneMatch(c -> c.startsWith("rank ")), cells.toString());
    assertEquals(List.of("hongze_2024.r2.txt"), CsvTables.read(out, "superseded").stream()
        .map(r -> r.get("replaced_by").replace("corrections/", "")).toList());
  }

  @Test
  void theManifestListsEveryInputWithItsHashAndTheChosenVersions() throws Exception {
    Path in = work.resolve("in");
    Samples.copyTo(in, HONGZE, JINING);
    Files.write(in.resolve("empty.txt"), new byte[0]);
    Path out = work.resolve("out");
    assertEquals(0, run(in, out).code());
    JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertEquals(3, m.path("file_counts").path("matched").asInt());
    assertEquals(2, m.path("file_counts").path("current").asInt());
    assertEquals(1, m.path("file_counts").path("rejected").asInt());
    JsonNode hongze = m.path("inputs").get(0);
    assertEquals(HONGZE, hongze.path("source_file").asText());
    assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Samples.bytes(HONGZE))),
        hongze.path("sha256").asText());
    assertEquals("current", hongze.path("outcome").asText());
    assertEquals("empty.txt", m.path("inputs").get(2).path("source_file").asText());
    assertEquals("rejected: empty_file", m.path("inputs").get(2).path("outcome").asText());
    assertEquals(2, m.path("chosen_versions").size());
    assertEquals(2, m.path("table_rows").path("reports").asInt());
    assertTrue(m.path("started_at").asText().matches("\\d{4}-.*Z"), m.path("started_at").asText());
  }

  @Test
  void aRunThatFailsLeavesThePublishedOutputIntact() throws Exception {
    Path in = work.resolve("in");
    Samples.copyTo(in, HONGZE);
    Path out = work.resolve("out");
    assertEquals(0, run(in, out).code());
    Path before = out.toRealPath();
    byte[] reports = Files.readAllBytes(out.resolve("csv/reports.csv"));
    Samples.copyTo(in, JINING);
    System.setProperty("xxgk.test.failBeforePublish", "true");
    try {
      Run failed = run(in, out);
      assertEquals(XxgkRollup.EXIT_RUN_FAILED, failed.code());
      assertTrue(failed.err().contains("nothing was published"), failed.err());
    } finally {
      System.clearProperty("xxgk.test.failBeforePublish");
    }
    assertEquals(before, out.toRealPath());
    assertTrue(Files.exists(out.resolve(RunFolders.SUCCESS)));
    assertEquals(new String(reports, StandardCharsets.UTF_8), Files.readString(out.resolve("csv/reports.csv")));
  }

  @Test
  void aSecondRunIsRefusedWhileTheLockIsHeld() throws Exception {
    Path in = work.resolve("in");
    Samples.copyTo(in, HONGZE);
    Path out = work.resolve("out");
    try (RunFolders held = RunFolders.lock(out)) {
      long start = System.nanoTime();
      Run refused = run(in, out);
      assertEquals(XxgkRollup.EXIT_LOCKED, refused.code());
      assertTrue(refused.err().contains("another run is writing to this output"), refused.err());
      assertTrue(System.nanoTime() - start < 30_000_000_000L);
    }
    assertEquals(0, run(in, out).code());
  }

  @Test
  void failOnErrorPublishesThenExitsNonZero() throws Exception {
    Path in = work.resolve("in");
    Samples.copyTo(in, "2023_huaian_hongzequ_gov_pdf-layout.txt"); // R4 errors in its table 四
    Path out = work.resolve("out");
    Run r = run(in, out, "--failOnError=true");
    assertEquals(XxgkRollup.EXIT_VALIDATION_ERRORS, r.code());
    assertTrue(Files.exists(out.resolve("csv/findings.csv")));
  }

  @Test
  void fileNamesWithSpacesQuotesSemicolonsCommasAndLongChineseNamesWorkEndToEnd() throws Exception {
    Path in = work.resolve("in");
    Files.createDirectories(in.resolve("子 目录; \"引号\""));
    String name = "淮安市洪泽区人民政府关于二〇二四年度政府信息公开工作年度报告的公告（第一版，含附件）; \"最终\", 稿.txt";
    Files.write(in.resolve("子 目录; \"引号\"").resolve(name), Samples.bytes(HONGZE));
    Path out = work.resolve("out");
    assertEquals(0, run(in, out).code());
    assertEquals(List.of("子 目录; \"引号\"/" + name),
        CsvTables.read(out, "reports").stream().map(r -> r.get("source_file")).toList());
  }

  @Test
  void oldRunFoldersArePruned() throws Exception {
    Path in = work.resolve("in");
    Samples.copyTo(in, HONGZE);
    Path out = work.resolve("out");
    for (int i = 0; i < 3; i++) {
      assertEquals(0, run(in, out, "--keepRuns=2").code());
    }
    try (var s = Files.list(work.resolve("out.runs"))) {
      assertEquals(2, s.count());
    }
  }

  private static String cityTotal(Path out, String column) throws Exception {
    return CsvTables.read(out, "rollup_city").get(0).get(column);
  }
}
