package cn.xxgk.rollup.output;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads back a table a run wrote ({@code csv/<table>.csv}), for the manifest and the changes. */
public final class CsvTables {
  private CsvTables() {}

  /** The rows of a (small) table as column maps; an empty list when the run has no such table. */
  public static List<Map<String, String>> read(Path runDir, String table) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    forEach(runDir, table, r -> rows.add(r.toMap()));
    return rows;
  }

  /** Streams the rows of a table, of any size; nothing when the run has no such table. */
  public static void forEach(Path runDir, String table, java.util.function.Consumer<CSVRecord> each) throws IOException {
    Path file = runDir.resolve("csv").resolve(table + ".csv");
    if (!Files.exists(file)) {
      return;
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      r.mark(1);
      if (r.read() != '\ufeff') {
        r.reset();
      }
      try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        for (CSVRecord rec : p) {
          each.accept(rec);
        }
      }
    }
  }

  /** A text cell as written, without the apostrophe CSV-injection neutralising added. */
  public static String text(String cell) {
    return cell != null && cell.startsWith("'") && cell.length() > 1 && "=+-@\t\r＝＋－＠".indexOf(cell.charAt(1)) >= 0
        ? cell.substring(1) : cell;
  }
}
