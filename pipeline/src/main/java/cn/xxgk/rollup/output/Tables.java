package cn.xxgk.rollup.output;

import cn.xxgk.rollup.model.CellType;
import cn.xxgk.rollup.model.Finding;
import cn.xxgk.rollup.model.Reject;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.TemplateCatalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/** The output tables: their columns and how model objects fill them. */
public final class Tables {
  private Tables() {}

  /** Columns of reports before the cell columns. */
  private static final int FIXED_REPORT_COLUMNS = 7;

  private static final Column SOURCE_FILE = Column.string("source_file", "来源文件",
      "path of the input file relative to the input root");
  private static final Column AGENCY = Column.string("agency_name", "机关名称", "agency name as printed in the report");
  private static final Column AGENCY_NULLABLE = Column.nullableString("agency_name", "机关名称", "agency name as printed in the report");
  private static final Column YEAR = Column.int32("year", "统计年度", "statistics year of the report");

  /** One row per parsed report, every template cell a column. */
  public static OutputTable reports() {
    List<Column> cols = new ArrayList<>(List.of(
        SOURCE_FILE, AGENCY, YEAR,
        Column.string("source_form", "来源形式", "form the report arrived in (web_text, layout_text, ...)"),
        Column.string("template_version", "模板版本", "national template the report follows: 2021, or 2019 for the old format"),
        Column.int32("error_count", "错误数", "findings of severity error on this report, waived ones not counted"),
        Column.int32("warning_count", "警告数", "findings of severity warning on this report, waived ones not counted")));
    for (TemplateCatalog.Cell c : TemplateCatalog.get().cells()) {
      cols.add(Column.nullable(c.code(),
          c.type() == CellType.DECIMAL ? Column.Type.DECIMAL : Column.Type.INT64,
          c.labelZh(), c.labelEn() + " (" + c.unit() + "); null unless its status in metrics is ok"));
    }
    return new OutputTable("reports", "每份报告一行，模板各单元格为列", List.copyOf(cols));
  }

  /** One row per report cell, with its status. */
  public static OutputTable metrics() {
    return new OutputTable("metrics", "每个单元格一行（长表），含状态", List.of(
        SOURCE_FILE, AGENCY, YEAR,
        Column.int32("table", "表号", "template table: 2, 3 or 4"),
        Column.string("item", "项目", "cell code (tables 2, 4) or row code (table 3)"),
        Column.string("applicant", "申请人类型", "applicant column code for table 3; empty for tables 2 and 4"),
        Column.nullable("value", Column.Type.DECIMAL, "数值", "cell value; null unless status is ok"),
        Column.string("status", "状态", "ok, blank, absent, invalid or ambiguous")));
  }

  public static OutputTable rejects() {
    return new OutputTable("rejects", "未能采用的文件及原因", List.of(
        SOURCE_FILE,
        Column.string("reason_code", "原因代码", "reject reason code (schemas/codes.json)"),
        Column.string("message_zh", "说明", "what is wrong and what to do, in Chinese"),
        Column.string("message_en", "说明（英文）", "what is wrong and what to do, in English")));
  }

  public static OutputTable findings() {
    return new OutputTable("findings", "校验发现的问题", List.of(
        SOURCE_FILE, AGENCY_NULLABLE,
        Column.nullable("year", Column.Type.INT32, "统计年度", "statistics year of the report"),
        Column.string("rule_id", "规则", "rule or finding code (schemas/codes.json)"),
        Column.string("severity", "严重程度", "error or warning"),
        Column.string("cells", "单元格", "cell codes concerned, separated by ;"),
        Column.nullable("expected", Column.Type.DECIMAL, "应为", "value the rule expects"),
        Column.nullable("actual", Column.Type.DECIMAL, "实为", "value the report states"),
        Column.nullable("difference", Column.Type.DECIMAL, "差额", "actual - expected"),
        Column.string("message_zh", "说明", "the finding in Chinese"),
        Column.string("message_en", "说明（英文）", "the finding in English"),
        Column.bool("waived", "已豁免", "true when the office accepted the finding (--waivers); it then counts as neither error nor warning"),
        Column.nullableString("waiver_reason", "豁免理由", "the waiver's reason and who decided")));
  }

  /** Writes {@link #reports()} from reports. */
  public static TableSpec<Report> reportsSpec() {
    return new ReportSpec(reports(), false);
  }

  /** Writes {@link #metrics()} from reports: each report expands into its cells on write. */
  public static TableSpec<Report> metricsSpec() {
    return new ReportSpec(metrics(), true);
  }

  public static TableSpec<Reject> rejectsSpec() {
    return new RejectSpec();
  }

  public static TableSpec<Finding> findingsSpec() {
    return new FindingSpec();
  }

  private record ReportSpec(OutputTable table, boolean longForm) implements TableSpec<Report> {
    @Override
    public Comparator<Report> order() {
      return Report.ORDER;
    }

    @Override
    public void rows(Report r, Consumer<List<Object>> out) {
      List<TemplateCatalog.Cell> cells = TemplateCatalog.get().cells();
      if (!longForm) {
        Object[] row = new Object[FIXED_REPORT_COLUMNS + cells.size()];
        row[0] = r.sourceFile();
        row[1] = r.agencyName();
        row[2] = r.year();
        row[3] = r.sourceForm().code();
        row[4] = r.templateVersion();
        row[5] = r.errorCount();
        row[6] = r.warningCount();
        for (TemplateCatalog.Cell c : cells) {
          row[FIXED_REPORT_COLUMNS + c.index()] = r.value(c.index());
        }
        out.accept(Arrays.asList(row));
        return;
      }
      for (TemplateCatalog.Cell c : cells) {
        out.accept(Arrays.asList(r.sourceFile(), r.agencyName(), r.year(), c.table(), c.item(),
            c.applicantCode() == null ? "" : c.applicantCode(), r.value(c.index()),
            r.status(c.index()).code()));
      }
    }
  }

  private static final class RejectSpec implements TableSpec<Reject> {
    @Override
    public OutputTable table() {
      return rejects();
    }

    @Override
    public Comparator<Reject> order() {
      return Reject.ORDER;
    }

    @Override
    public void rows(Reject r, Consumer<List<Object>> out) {
      out.accept(Arrays.asList(r.sourceFile(), r.reasonCode(), r.messageZh(), r.messageEn()));
    }
  }

  private static final class FindingSpec implements TableSpec<Finding> {
    @Override
    public OutputTable table() {
      return findings();
    }

    @Override
    public Comparator<Finding> order() {
      return Finding.ORDER;
    }

    @Override
    public void rows(Finding f, Consumer<List<Object>> out) {
      out.accept(Arrays.asList(f.sourceFile(), f.agencyName(), f.year(), f.ruleId(), f.severity(),
          f.cells(), f.expected(), f.actual(), f.difference(), f.messageZh(), f.messageEn(), f.waived(),
          f.waiverReason()));
    }
  }
}
