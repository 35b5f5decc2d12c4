package cn.xxgk.rollup.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
}
