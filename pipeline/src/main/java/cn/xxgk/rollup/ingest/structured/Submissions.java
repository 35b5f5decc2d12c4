package cn.xxgk.rollup.ingest.structured;

import cn.xxgk.rollup.ingest.RejectException;
import cn.xxgk.rollup.ingest.ReportDraft;
import cn.xxgk.rollup.ingest.text.TextCell;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.SourceForm;
import cn.xxgk.rollup.model.TemplateCatalog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Structured submissions, the form the office asks agencies for: a long-form CSV (agency_name,
 * year, item, applicant, value[, revision]) or a JSON document nested by table, with the
 * catalog's codes (schemas/submission_csv.schema.json, schemas/submission.schema.json). Every
 * value goes through the same cell checks as printed text; a cell the submission does not give is
 * blank. Unknown codes, duplicate cells and values that are not numbers reject the file, each
 * named by its line and column (CSV) or JSON path.
 */
public final class Submissions {
  public static final List<String> CSV_HEADER = List.of("agency_name", "year", "item", "applicant", "value");
  private static final int MAX_ERRORS_LISTED = 10;

  private Submissions() {}

  /** Whether decoded text is a CSV submission (its header names the layout's columns). */
  public static boolean isCsv(String text) {
    String first = firstLine(text).toLowerCase(java.util.Locale.ROOT);
    return first.contains("agency_name") && first.contains("item") && first.contains("value");
  }

  /** Whether decoded text is a JSON submission. */
  public static boolean isJson(String text) {
    String t = stripBom(text).strip();
    return t.startsWith("{") && t.contains("\"agency_name\"");
  }

  public static Report parseCsv(String sourceFile, String text, TemplateCatalog catalog) throws RejectException {
    List<String> errors = new ArrayList<>();
    Map<String, String> values = new LinkedHashMap<>();
    String agency = null;
    Integer year = null;
    Integer revision = null;
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(true).get();
    try (CSVParser csv = format.parse(new StringReader(stripBom(text)))) {
      for (String column : CSV_HEADER) {
        if (!csv.getHeaderNames().contains(column)) {
          errors.add("第1行：缺少列 " + column);
        }
      }
      if (errors.isEmpty()) {
        Map<String, Integer> seen = new HashMap<>();
        for (CSVRecord r : csv) {
          int line = (int) r.getRecordNumber() + 1;
          String a = r.get("agency_name");
          String y = r.get("year");
          if (agency == null) {
            agency = a;
          } else if (!agency.equals(a)) {
            errors.add("第" + line + "行 agency_name 列：“" + a + "”与第2行的“" + agency + "”不同（一个文件只能是一份报告）");
          }
          Integer parsedYear = year(y);
          if (parsedYear == null) {
            errors.add("第" + line + "行 year 列：“" + y + "”不是年份");
          } else if (year == null) {
            year = parsedYear;
          } else if (!year.equals(parsedYear)) {
            errors.add("第" + line + "行 year 列：" + parsedYear + "与第2行的" + year + "不同");
          }
          if (r.isMapped("revision") && !r.get("revision").isBlank()) {
            Integer rev = revision(r.get("revision"));
            if (rev == null || revision != null && !revision.equals(rev)) {
              errors.add("第" + line + "行 revision 列：“" + r.get("revision") + "”不是正整数或与前几行不同");
            } else {
              revision = rev;
            }
          }
          String item = r.get("item");
          String applicant = r.get("applicant");
          String code = applicant.isEmpty() ? item : item + "__" + applicant;
          if (!isCell(catalog, code)) {
            errors.add("第" + line + "行 item/applicant 列：“" + item + (applicant.isEmpty() ? "" : "”/“" + applicant)
                + "”不是模板的单元格代码");
            continue;
          }
          Integer first = seen.putIfAbsent(code, line);
          if (first != null) {
            errors.add("第" + line + "行：单元格 " + code + " 与第" + first + "行重复");
            continue;
          }
          String value = r.get("value");
          if (!value.isEmpty() && TextCell.of(value).kind() != cn.xxgk.rollup.ingest.text.CellText.Kind.NUMBER) {
            errors.add("第" + line + "行 value 列：“" + value + "”不是数字");
          }
          values.put(code, value);
        }
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
      // commons-csv reports a damaged record (an unclosed quote) while iterating, unchecked
      errors.add("CSV 格式错误：" + e.getMessage());
    }
    return build(sourceFile, SourceForm.CSV, agency, year, revision, values, errors, catalog);
  }

  public static Report parseJson(String sourceFile, String text, TemplateCatalog catalog) throws RejectException {
    List<String> errors = new ArrayList<>();
    Map<String, String> values = new LinkedHashMap<>();
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(stripBom(text));
    } catch (JsonProcessingException e) {
      throw RejectException.of("submission_invalid", "form", "JSON", "errors",
          "第" + e.getLocation().getLineNr() + "行第" + e.getLocation().getColumnNr() + "列：JSON 格式错误");
    }
    String agency = root.path("agency_name").isTextual() ? root.path("agency_name").asText() : null;
    // boxed on purpose: a conditional of int and Integer unboxes a missing year into a NullPointerException
    Integer year = year(root.path("year").canConvertToInt() ? String.valueOf(root.path("year").asInt())
        : root.path("year").asText(""));
    if (agency == null) {
      errors.add("/agency_name：缺少机关名称");
    }
    if (year == null) {
      errors.add("/year：缺少年度或不是年份");
    }
    Integer revision = null;
    if (root.has("revision")) {
      revision = root.path("revision").canConvertToInt() ? Integer.valueOf(root.path("revision").asInt()) : null;
      if (revision == null || revision < 1) {
        errors.add("/revision：应为正整数");
      }
    }
    Iterator<String> fields = root.fieldNames();
    while (fields.hasNext()) {
      String f = fields.next();
      if (!List.of("agency_name", "year", "revision", "template_version", "table2", "table3", "table4").contains(f)) {
        errors.add("/" + f + "：未知字段");
      }
    }
    for (String table : List.of("table2", "table4")) {
      Iterator<Map.Entry<String, JsonNode>> cells = root.path(table).fields();
      while (cells.hasNext()) {
        Map.Entry<String, JsonNode> e = cells.next();
        String path = "/" + table + "/" + e.getKey();
        if (!isCell(catalog, e.getKey()) || catalog.cell(e.getKey()).table() != (table.equals("table2") ? 2 : 4)) {
          errors.add(path + "：不是" + table + "的单元格代码");
        } else {
          value(path, e.getValue(), e.getKey(), values, errors);
        }
      }
    }
    Iterator<Map.Entry<String, JsonNode>> rows = root.path("table3").fields();
    while (rows.hasNext()) {
      Map.Entry<String, JsonNode> row = rows.next();
      Iterator<Map.Entry<String, JsonNode>> cells = row.getValue().fields();
      if (!row.getValue().isObject()) {
        errors.add("/table3/" + row.getKey() + "：应为按申请人分列的对象");
      }
      while (cells.hasNext()) {
        Map.Entry<String, JsonNode> e = cells.next();
        String code = row.getKey() + "__" + e.getKey();
        String path = "/table3/" + row.getKey() + "/" + e.getKey();
        if (!isCell(catalog, code) || catalog.cell(code).table() != 3) {
          errors.add(path + "：不是表三的行或申请人代码");
        } else {
          value(path, e.getValue(), code, values, errors);
        }
      }
    }
    return build(sourceFile, SourceForm.JSON, agency, year, revision, values, errors, catalog);
  }

  private static void value(String path, JsonNode v, String code, Map<String, String> values, List<String> errors) {
    String text = v.isNull() ? "" : v.isNumber() ? v.decimalValue().toPlainString() : v.asText();
    if (!v.isNull() && !v.isNumber() && !(v.isTextual() && TextCell.of(text).kind() == cn.xxgk.rollup.ingest.text.CellText.Kind.NUMBER)) {
      errors.add(path + "：“" + text + "”不是数字");
      return;
    }
    values.put(code, text);
  }

  private static Report build(String sourceFile, SourceForm form, String agency, Integer year, Integer revision,
      Map<String, String> values, List<String> errors, TemplateCatalog catalog) throws RejectException {
    if (agency == null || agency.isBlank()) {
      errors.add(0, "没有机关名称");
    }
    if (!errors.isEmpty()) {
      String listed = String.join("；", errors.subList(0, Math.min(errors.size(), MAX_ERRORS_LISTED)))
          + (errors.size() > MAX_ERRORS_LISTED ? "；另有" + (errors.size() - MAX_ERRORS_LISTED) + "处" : "");
      throw RejectException.of("submission_invalid", "form", form == SourceForm.CSV ? "CSV" : "JSON", "errors", listed);
    }
    ReportDraft draft = new ReportDraft(sourceFile, agency, year, year);
    draft.revision(revision);
    for (TemplateCatalog.Cell c : catalog.cells()) {
      draft.set(c, TextCell.of(values.getOrDefault(c.code(), "")));
    }
    return draft.build(form);
  }

  private static boolean isCell(TemplateCatalog catalog, String code) {
    return catalog.cells().stream().anyMatch(c -> c.code().equals(code));
  }

  private static Integer year(String s) {
    try {
      int y = Integer.parseInt(s.strip());
      return y >= 1900 && y <= 2999 ? y : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Integer revision(String s) {
    try {
      int r = Integer.parseInt(s.strip());
      return r >= 1 ? r : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String stripBom(String text) {
    return text.startsWith("\ufeff") ? text.substring(1) : text;
  }

  private static String firstLine(String text) {
    String t = stripBom(text).strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }
}
