package cn.xxgk.rollup.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SchemaExportTest {
  @Test
  void committedAvroSchemasMatchTheTableDefinitions() throws IOException {
    for (OutputTable t : SchemaExport.tables()) {
      try (InputStream in = getClass().getResourceAsStream("/schemas/avro/" + t.name() + ".avsc")) {
        String committed = in == null ? "(missing)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(SchemaExport.avsc(t), committed,
            "schemas/avro/" + t.name() + ".avsc is stale: regenerate it with SchemaExport (see README)");
      }
    }
  }

  @Test
  void publishedSubmissionSchemasMatchTheCatalog() throws IOException {
    assertEquals(SchemaExport.submissionJsonSchema(),
        Files.readString(Path.of("..", "schemas", "submission.schema.json"), StandardCharsets.UTF_8));
    assertEquals(SchemaExport.submissionCsvSchema(),
        Files.readString(Path.of("..", "schemas", "submission_csv.schema.json"), StandardCharsets.UTF_8));
  }

  @Test
  void theReadmeAndDocsDictionaryMatchTheTableDefinitions() throws IOException {
    // surefire runs in pipeline/; the repository root is its parent
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    assertEquals(SchemaExport.withDictionary(readme), readme, "README.md's dictionary is stale: run SchemaExport");
    String docs = Files.readString(Path.of("..", "docs", "dictionary.md"), StandardCharsets.UTF_8);
    assertEquals(true, docs.endsWith(SchemaExport.dictionaryMarkdown(true)), "docs/dictionary.md is stale: run SchemaExport");
  }
}
