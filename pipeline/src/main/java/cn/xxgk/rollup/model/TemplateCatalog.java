package cn.xxgk.rollup.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The 2021 national template, read from {@code schemas/template_catalog.json}: every cell of
 * tables 二, 三 and 四 with its code, labels and type. This is the only description of the
 * template; parsers, rules and writers ask it, never a list of their own.
 *
 * <p>Immutable; {@link #get()} returns the one instance loaded from the classpath.
 */
public final class TemplateCatalog {
  public static final String RESOURCE = "/schemas/template_catalog.json";

  /** An applicant column of table 三. */
  public record Applicant(String code, String labelZh, String labelEn) {}

  /** A label that spans several rows of table 三 (e.g. （三）不予公开). */
  public record Group(String code, String item, List<String> labels, String collapseInto) {}

  /** One cell: its position in catalog order, its table, row and (table 三) applicant. */
  public record Cell(
      int index,
      int table,
      String rowCode,
      String applicantCode,
      String code,
      String labelZh,
      String labelEn,
      CellType type,
      String unit) {
    /** The metrics table's item: the row for table 三, the cell itself for tables 二 and 四. */
    public String item() {
      return applicantCode == null ? code : rowCode;
    }
  }

  /** A row of a table as printed: its labels and its cells, left to right. */
  public record Row(
      int table,
      String code,
      String item,
      String groupCode,
      String groupItem,
      List<String> labels,
      String labelEn,
      List<Cell> cells) {
    /** The label a person reads, e.g. "（三）1.属于国家秘密", "一、本年新收…" or "规章". */
    public String displayLabel() {
      String label = labels.isEmpty() ? labelEn : labels.get(0);
      if (item == null) {
        return label;
      }
      if (Character.isDigit(item.charAt(0))) {
        return (groupItem == null ? "" : groupItem) + item + "." + label;
      }
      return item.startsWith("（") ? item + label : item + "、" + label;
    }
  }

  /** A table of the template. */
  public record Table(
      int number,
      String nameZh,
      String nameEn,
      List<String> heading,
      List<String> headerTerms,
      boolean anyRowOrder,
      List<Group> groups,
      List<Row> rows) {
    public Group group(String code) {
      for (Group g : groups) {
        if (g.code().equals(code)) {
          return g;
        }
      }
      return null;
    }
  }

  /** An older national template that reports may still use. */
  public record OlderTemplate(String version, String document, List<String> markers, Set<Integer> tablesAbsent) {}

  private static final class Holder {
    static final TemplateCatalog INSTANCE = load();
  }

  private final String templateVersion;
  private final List<Applicant> applicants;
  private final List<Table> tables;
  private final List<Cell> cells;
  private final Map<String, Cell> cellsByCode;
  private final List<OlderTemplate> olderTemplates;
  private final List<String> sectionEnd;

  private TemplateCatalog(
      String templateVersion,
      List<Applicant> applicants,
      List<Table> tables,
      List<Cell> cells,
      List<OlderTemplate> olderTemplates,
      List<String> sectionEnd) {
    this.templateVersion = templateVersion;
    this.applicants = applicants;
    this.tables = tables;
    this.cells = cells;
    this.olderTemplates = olderTemplates;
    this.sectionEnd = sectionEnd;
    Map<String, Cell> byCode = new LinkedHashMap<>();
    for (Cell c : cells) {
      if (byCode.put(c.code(), c) != null) {
        throw new IllegalStateException("duplicate cell code in catalog: " + c.code());
      }
    }
    this.cellsByCode = Collections.unmodifiableMap(byCode);
  }

  public static TemplateCatalog get() {
    return Holder.INSTANCE;
  }

  public String templateVersion() {
    return templateVersion;
  }

  public List<Applicant> applicants() {
    return applicants;
  }

  public List<Table> tables() {
    return tables;
  }

  public Table table(int number) {
    for (Table t : tables) {
      if (t.number() == number) {
        return t;
      }
    }
    throw new IllegalArgumentException("no table " + number);
  }

  /** Every cell in catalog order: table 二, then table 三 row by row, then table 四. */
  public List<Cell> cells() {
    return cells;
  }

  public int size() {
    return cells.size();
  }

  public Cell cell(String code) {
    Cell c = cellsByCode.get(code);
    if (c == null) {
      throw new IllegalArgumentException("unknown cell code: " + code);
    }
    return c;
  }

  public List<OlderTemplate> olderTemplates() {
    return olderTemplates;
  }

  /** Whether the cell belongs to a row group that some reports print as one row. */
  public boolean inCollapsibleGroup(Cell cell) {
    if (cell.applicantCode() == null) {
      return false;
    }
    Table t = table(cell.table());
    for (Row r : t.rows()) {
      if (r.code().equals(cell.rowCode()) && r.groupCode() != null) {
        Group g = t.group(r.groupCode());
        return g != null && g.collapseInto() != null && !g.collapseInto().equals(r.code());
      }
    }
    return false;
  }

  /** Headings that end the last table (section 五 and later). */
  public List<String> sectionEnd() {
    return sectionEnd;
  }

  static TemplateCatalog load() {
    try (InputStream in = TemplateCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("template catalog not on the classpath: " + RESOURCE);
      }
      return parse(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TemplateCatalog parse(JsonNode root) {
    List<Applicant> applicants = new ArrayList<>();
    for (JsonNode a : root.path("applicants")) {
      applicants.add(new Applicant(text(a, "code"), text(a, "label_zh"), text(a, "label_en")));
    }
    List<Table> tables = new ArrayList<>();
    List<Cell> cells = new ArrayList<>();
    for (JsonNode t : root.path("tables")) {
      int number = t.path("table").asInt();
      boolean applicantColumns = "applicants".equals(t.path("columns").asText(null));
      List<Group> groups = new ArrayList<>();
      for (JsonNode g : t.path("groups")) {
        groups.add(new Group(text(g, "group"), text(g, "item"), strings(g.path("labels")), text(g, "collapse_into")));
      }
      List<Row> rows = new ArrayList<>();
      for (JsonNode r : t.path("rows")) {
        String rowCode = text(r, "row");
        List<String> labels = strings(r.path("labels"));
        List<Cell> rowCells = new ArrayList<>();
        if (applicantColumns) {
          for (Applicant a : applicants) {
            rowCells.add(new Cell(cells.size() + rowCells.size(), number, rowCode, a.code(),
                rowCode + "__" + a.code(),
                (labels.isEmpty() ? rowCode : labels.get(0)) + " " + a.labelZh(),
                text(r, "label_en") + ", " + a.labelEn(),
                CellType.COUNT, "件"));
          }
        } else {
          for (JsonNode c : r.path("cells")) {
            CellType type = CellType.valueOf(text(c, "type").toUpperCase(java.util.Locale.ROOT));
            String unit = c.has("unit") ? text(c, "unit") : "件";
            rowCells.add(new Cell(cells.size() + rowCells.size(), number, rowCode, null,
                text(c, "code"), text(c, "label_zh"), text(c, "label_en"), type, unit));
          }
        }
        cells.addAll(rowCells);
        String groupCode = text(r, "group");
        String groupItem = null;
        for (Group g : groups) {
          if (g.code().equals(groupCode)) {
            groupItem = g.item();
          }
        }
        rows.add(new Row(number, rowCode, text(r, "item"), groupCode, groupItem, labels,
            text(r, "label_en"), List.copyOf(rowCells)));
      }
      tables.add(new Table(number, text(t, "name_zh"), text(t, "name_en"),
          strings(t.path("heading")), strings(t.path("header_terms")),
          "any".equals(t.path("row_order").asText()), List.copyOf(groups), List.copyOf(rows)));
    }
    List<OlderTemplate> older = new ArrayList<>();
    for (JsonNode o : root.path("older_templates")) {
      Set<Integer> absent = new HashSet<>();
      for (JsonNode n : o.path("tables_absent")) {
        absent.add(n.asInt());
      }
      older.add(new OlderTemplate(text(o, "template_version"), text(o, "document"),
          strings(o.path("markers")), Set.copyOf(absent)));
    }
    return new TemplateCatalog(text(root, "template_version"), List.copyOf(applicants),
        List.copyOf(tables), List.copyOf(cells), List.copyOf(older),
        strings(root.path("section_end")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(n.asText());
    }
    return List.copyOf(out);
  }
}
