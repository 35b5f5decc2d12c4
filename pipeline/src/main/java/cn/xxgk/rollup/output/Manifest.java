package cn.xxgk.rollup.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@code manifest.json} of a run: who ran what on which files, and what came out. The only file
 * of a run with times in it; the data tables have none.
 */
public final class Manifest {
  /** One input file: its path relative to the input root, size and SHA-256. */
  public record Input(String sourceFile, long sizeBytes, String sha256) {}

  private Manifest() {}

  public static String codeVersion() {
    try (InputStream in = Manifest.class.getResourceAsStream("/xxgk-version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Writes the manifest of a finished run into its folder, from the tables the run wrote. */
  public static void write(Path runDir, String runId, Instant started, Instant finished, Map<String, Object> options,
      List<Input> inputs, List<String> tables, int changes) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("run_id", runId);
    root.put("started_at", started.toString());
    root.put("finished_at", finished.toString());
    root.put("code_version", codeVersion());
    ObjectNode opts = root.putObject("options");
    new TreeMap<>(options).forEach((k, v) -> opts.put(k, String.valueOf(v)));

    Map<String, String> outcome = new TreeMap<>();
    List<String[]> reports = new java.util.ArrayList<>(); // source_file, agency_id, year
    CsvTables.forEach(runDir, "reports", r -> {
      outcome.put(r.get("source_file"), "current");
      reports.add(new String[] {r.get("source_file"), r.get("agency_id"), r.get("year")});
    });
    CsvTables.read(runDir, "superseded").forEach(r -> outcome.put(r.get("source_file"), "superseded by " + r.get("replaced_by")));
    Map<String, Integer> rejectReasons = new TreeMap<>();
    for (Map<String, String> r : CsvTables.read(runDir, "rejects")) {
      outcome.put(r.get("source_file"), "rejected: " + r.get("reason_code"));
      rejectReasons.merge(r.get("reason_code"), 1, Integer::sum);
    }
    ArrayNode files = root.putArray("inputs");
    for (Input i : inputs) {
      files.addObject().put("source_file", i.sourceFile()).put("size_bytes", i.sizeBytes()).put("sha256", i.sha256())
          .put("outcome", outcome.getOrDefault(i.sourceFile(), "unaccounted"));
    }
    ObjectNode counts = root.putObject("file_counts");
    counts.put("matched", inputs.size());
    counts.put("current", outcome.values().stream().filter(o -> o.equals("current")).count());
    counts.put("superseded", outcome.values().stream().filter(o -> o.startsWith("superseded")).count());
    counts.put("rejected", outcome.values().stream().filter(o -> o.startsWith("rejected")).count());
    ArrayNode chosen = root.putArray("chosen_versions");
    for (String[] r : reports) {
      chosen.addObject().put("agency_id", r[1]).put("year", Integer.parseInt(r[2])).put("source_file", r[0]);
    }
    ObjectNode rows = root.putObject("table_rows");
    for (String t : tables) {
      rows.put(t, ParquetFooter.rows(runDir.resolve("parquet").resolve(t)));
    }
    ObjectNode rejects = root.putObject("rejects_by_reason");
    rejectReasons.forEach(rejects::put);
    Map<String, Integer> findings = new TreeMap<>();
    CsvTables.forEach(runDir, "findings", f -> findings.merge(
        f.get("rule_id") + " " + f.get("severity") + ("true".equals(f.get("waived")) ? " waived" : ""), 1, Integer::sum));
    ObjectNode byRule = root.putObject("findings_by_rule");
    findings.forEach(byRule::put);
    root.put("changes", changes);
    Files.writeString(runDir.resolve("manifest.json"), mapper.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
  }
}
