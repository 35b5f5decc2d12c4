package cn.xxgk.rollup.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the Avro schema of every output table to {@code schemas/avro/<table>.avsc}, for
 * analysts and other tools. The schemas are derived from {@link Tables}; a test fails when the
 * committed files drift from them. Run: {@code java -cp pipeline/target/xxgk-rollup.jar
 * cn.xxgk.rollup.output.SchemaExport schemas/avro}.
 */
public final class SchemaExport {
  private SchemaExport() {}

  public static List<OutputTable> tables() {
    return List.of(Tables.reports(), Tables.metrics(), Tables.rejects(), Tables.findings());
  }

  public static String avsc(OutputTable table) {
    return table.avroSchema().toString(true) + "\n";
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "schemas/avro");
    Files.createDirectories(dir);
    for (OutputTable t : tables()) {
      Files.writeString(dir.resolve(t.name() + ".avsc"), avsc(t), StandardCharsets.UTF_8);
    }
  }
}
