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
  private static final int FIXED_REPORT_COLUMNS = 9;

  /** One column per template cell: counts INT64, the fee DECIMAL(18,4). */
  private static List<Column> cellColumns(String note) {
    List<Column> cols = new ArrayList<>();
    for (TemplateCatalog.Cell c : TemplateCatalog.get().cells()) {
      cols.add(Column.nullable(c.code(),
          c.type() == CellType.DECIMAL ? Column.Type.DECIMAL : Column.Type.INT64,
          c.labelZh(), c.labelEn() + note).withUnit(c.unit()));
    }
    return cols;
  }

  /** The counts columns shared by the two rollup tables. */
  private static List<Column> rollupCounts() {
    return List.of(
        Column.nullable("reports_expected", Column.Type.INT32, "应报数",
            "registry agencies (not aggregate) expected to report; null without a registry"),
        Column.int32("reports_received", "收到数", "reports received (aggregate reports not counted)"),
        Column.int32("reports_included", "纳入汇总数", "reports summed: received minus excluded"),
        Column.int32("reports_excluded", "剔除数", "reports with errors left out by --onInvalid=exclude"),
        Column.int32("aggregate_reports", "汇总报告数", "area aggregate reports received; reconciled, never summed"),
        Column.nullable("cells_not_ok", Column.Type.INT64, "非正常单元格数",
            "cells of the included reports whose status is not ok (blank, invalid, ambiguous, absent): the sums cover known cells only"));
  }

  /** City totals per year: the city report in the template's own shape. */
  public static OutputTable rollupCity() {
    List<Column> cols = new ArrayList<>(List.of(YEAR));
    cols.addAll(rollupCounts());
    cols.addAll(cellColumns("; sum over the included reports' known cells, null when none is known"));
    return new OutputTable("rollup_city", "全市汇总（每年一行，按模板各单元格求和）", List.copyOf(cols));
  }

  /** Totals per year and category. */
  public static OutputTable rollupCategory() {
    List<Column> cols = new ArrayList<>(List.of(YEAR, CATEGORY));
    cols.addAll(rollupCounts());
    cols.addAll(cellColumns("; sum over the category's included reports' known cells, null when none is known"));
    return new OutputTable("rollup_category", "分类汇总（每年每类一行）", List.copyOf(cols));
  }

  /** Indicators per agency, city and category, and year. */
  public static OutputTable indicators() {
    List<Column> cols = new ArrayList<>(List.of(YEAR,
        Column.string("scope_type", "范围类型", "agency, city or category"),
        Column.string("scope_id", "范围", "agency_id for an agency, city for the city, the category's name"),
        Column.nullableString("agency_name", "机关名称", "agency name (agency rows)"),
        Column.nullableString("category", "机关类别", "category (agency and category rows)"),
        Column.int32("reports", "报告数", "reports the row is computed from")));
    for (cn.xxgk.rollup.rollup.Indicators.Indicator i : cn.xxgk.rollup.rollup.Indicators.get().all()) {
      Column.Type t = i.isRate() ? Column.Type.RATE : Column.Type.INT64;
      cols.add(Column.nullable(i.code(), t, i.labelZh(), formula(i) + "; null when unknown or the denominator is 0")
          .withUnit(i.unit()));
      if (i.isRate()) {
        cols.add(Column.nullable(i.code() + "_denominator", Column.Type.DECIMAL, i.labelZh() + "（分母）",
            "the denominator of " + i.code() + " (its sample size for --minSample)"));
      }
      cols.add(Column.nullable(i.code() + "_yoy", t, i.labelZh() + "（同比变化）",
          i.code() + " minus its value of the previous year, when that year is in the input").withUnit(i.unit()));
    }
    return new OutputTable("indicators", "指标（机关、全市、分类，每年）", List.copyOf(cols));
  }

  /** The documented formula of an indicator. */
  public static String formula(cn.xxgk.rollup.rollup.Indicators.Indicator i) {
    if (i.errorCount()) {
      return "error findings not waived";
    }
    String num = terms(i.numerator());
    return i.isRate() ? "(" + num + ") / (" + terms(i.denominator()) + ")" : num;
  }

  private static String terms(List<cn.xxgk.rollup.rollup.Indicators.Term> terms) {
    StringBuilder sb = new StringBuilder();
    for (cn.xxgk.rollup.rollup.Indicators.Term t : terms) {
      String code = TemplateCatalog.get().cells().get(t.cell()).code();
      sb.append(sb.length() == 0 ? (t.negative() ? "-" : "") : (t.negative() ? " - " : " + ")).append(code);
    }
    return sb.toString();
  }

  /** Versions replaced by a later version of the same agency-year report. */
  public static OutputTable superseded() {
    return new OutputTable("superseded", "被更新版本取代的报告", List.of(
        SOURCE_FILE, AGENCY_ID, AGENCY, YEAR,
        Column.string("replaced_by", "取代它的文件", "source_file of the version used instead"),
        Column.string("reason", "原因", "the first rule of the version order that put the other file later")));
  }

  public static TableSpec<cn.xxgk.rollup.model.Superseded> supersededSpec() {
    return new SupersededSpec();
  }

  private static final class SupersededSpec implements TableSpec<cn.xxgk.rollup.model.Superseded> {
    @Override
    public OutputTable table() {
      return superseded();
    }

    @Override
    public Comparator<cn.xxgk.rollup.model.Superseded> order() {
      return cn.xxgk.rollup.model.Superseded.ORDER;
    }

    @Override
    public void rows(cn.xxgk.rollup.model.Superseded s, Consumer<List<Object>> out) {
      out.accept(Arrays.asList(s.sourceFile(), s.agencyId(), s.agencyName(), s.year(), s.replacedBy(), s.reason()));
    }
  }

  /** What this run changed against the previously published one. */
  public static OutputTable changes() {
    return new OutputTable("changes", "与上次发布相比的变化", List.of(
        Column.string("kind", "类别", "cell (a report cell), rollup (a city total) or rank"),
        Column.string("agency_id", "机关编号", "the agency; city for rollup changes"),
        Column.string("agency_name", "机关名称", "agency name"),
        YEAR,
        Column.string("item", "项目", "cell or row code (cell, rollup); indicator (rank)"),
        Column.string("applicant", "申请人类型/范围", "applicant column (cell, rollup); ranking scope (rank)"),
        Column.nullable("old_value", Column.Type.DECIMAL, "原值", "value (or rank) in the previous output; null when unknown or absent"),
        Column.nullable("new_value", Column.Type.DECIMAL, "新值", "value (or rank) now; null when unknown or absent"),
        Column.nullableString("old_status", "原状态", "cell status before (none: no such report)"),
        Column.nullableString("new_status", "新状态", "cell status now (none: no such report)")));
  }

  /** Writes the changes table into a run folder (after the pipeline: it compares finished runs). */
  public static void writeChanges(List<Changes.Change> changes, String runDir) throws java.io.IOException {
    List<Changes.Change> sorted = new ArrayList<>(changes);
    sorted.sort(Comparator.comparing(Changes.Change::kind).thenComparing(Changes.Change::agencyId)
        .thenComparingInt(Changes.Change::year).thenComparing(Changes.Change::item).thenComparing(Changes.Change::applicant));
    try (TableFileWriter w = new TableFileWriter(changes(), runDir)) {
      for (Changes.Change c : sorted) {
        w.write(Arrays.asList(c.kind(), c.agencyId(), c.agencyName(), c.year(), c.item(), c.applicant(),
            c.oldValue(), c.newValue(), c.oldStatus(), c.newStatus()));
      }
    }
  }

  /** Every column of every output table: the data dictionary. */
  public static OutputTable dictionary() {
    return new OutputTable("dictionary", "数据字典：各输出表的列", List.of(
        Column.string("table_name", "表名", "output table"),
        Column.int32("position", "序号", "the column's position in its table, from 1"),
        Column.string("column_name", "列名", "column"),
        Column.string("label_zh", "中文名称", "Chinese label"),
        Column.string("type", "类型", "string, int32, int64, boolean or decimal(precision,scale)"),
        Column.bool("nullable", "可空", "whether the column may be null"),
        Column.nullableString("unit", "单位", "unit: 件, 万元, 比率 …"),
        Column.string("description", "说明", "meaning, formula")));
  }

  /** Every output table, in the order the dictionary lists them. */
  public static List<OutputTable> all() {
    return List.of(reports(), metrics(), rejects(), superseded(), findings(), rollupCity(), rollupCategory(),
        indicators(), rankings(), changes(), dictionary());
  }

  /** The dictionary's rows: one per column of every table. */
  public static List<TableRow> dictionaryRows() {
    List<TableRow> rows = new ArrayList<>();
    for (OutputTable t : all()) {
      for (int i = 0; i < t.columns().size(); i++) {
        Column c = t.columns().get(i);
        rows.add(new TableRow(t.name(), i + 1, c.name(), c.labelZh(), c.typeName(), c.nullable(), c.unit(),
            c.description()));
      }
    }
    return rows;
  }

  /** Ranks per year, scope and indicator. */
  public static OutputTable rankings() {
    return new OutputTable("rankings", "排名（每年、范围、指标）", List.of(YEAR,
        Column.string("scope", "排名范围", "city, or a category"),
        AGENCY_ID, AGENCY,
        Column.string("indicator", "指标", "indicator code (see indicators)"),
        Column.nullable("value", Column.Type.RATE, "指标值", "the agency's value of the indicator"),
        Column.nullable("rank", Column.Type.INT32, "名次", "competition rank (1,2,2,4); null when not eligible"),
        Column.int32("rank_of", "参与排名数", "eligible agencies in the scope"),
        Column.nullable("percentile", Column.Type.DECIMAL, "百分位",
            "100 x (eligible agencies ranked strictly below) / (rank_of - 1); null when rank_of = 1 or not eligible"),
        Column.string("direction", "方向", "higher_is_better or lower_is_better"),
        Column.bool("eligible", "是否参与排名", "false when the value is unknown or a rate's denominator is below --minSample")));
  }

  private static final Column SOURCE_FILE = Column.string("source_file", "来源文件",
      "path of the input file relative to the input root");
  private static final Column AGENCY = Column.string("agency_name", "机关名称", "agency name as printed in the report");
  private static final Column AGENCY_NULLABLE = Column.nullableString("agency_name", "机关名称", "agency name as printed in the report");
  private static final Column YEAR = Column.int32("year", "统计年度", "statistics year of the report");
  private static final Column AGENCY_ID = Column.string("agency_id", "机关编号",
      "registry agency_id; name:<normalised printed name> for an agency not in the registry");
  private static final Column CATEGORY = Column.string("category", "机关类别", "registry category; unknown when not in the registry");
  private static final Column AGENCY_ID_NULLABLE = Column.nullableString("agency_id", "机关编号",
      "registry agency_id; name:<normalised printed name> for an agency not in the registry");
  private static final Column CATEGORY_NULLABLE = Column.nullableString("category", "机关类别",
      "registry category; unknown when not in the registry");

  /** One row per parsed report, every template cell a column. */
  public static OutputTable reports() {
    List<Column> cols = new ArrayList<>(List.of(
        SOURCE_FILE, AGENCY_ID, AGENCY, CATEGORY, YEAR,
        Column.string("source_form", "来源形式", "form the report arrived in (web_text, layout_text, ...)"),
        Column.string("template_version", "模板版本", "national template the report follows: 2021, or 2019 for the old format"),
        Column.int32("error_count", "错误数", "findings of severity error on this report, waived ones not counted"),
        Column.int32("warning_count", "警告数", "findings of severity warning on this report, waived ones not counted")));
    cols.addAll(cellColumns("; null unless its status in metrics is ok"));
    return new OutputTable("reports", "每份报告一行，模板各单元格为列", List.copyOf(cols));
  }

  /** One row per report cell, with its status. */
  public static OutputTable metrics() {
    return new OutputTable("metrics", "每个单元格一行（长表），含状态", List.of(
        SOURCE_FILE, AGENCY_ID, AGENCY, CATEGORY, YEAR,
        Column.int32("table", "表号", "template table: 2, 3 or 4"),
        Column.string("item", "项目", "cell code (tables 2, 4) or row code (table 3)"),
        Column.string("applicant", "申请人类型", "applicant column code for table 3; empty for tables 2 and 4"),
        Column.nullable("value", Column.Type.DECIMAL, "数值", "cell value (件, or 万元 for the fee); null unless status is ok"),
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
        SOURCE_FILE, AGENCY_ID_NULLABLE, AGENCY_NULLABLE, CATEGORY_NULLABLE,
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
        row[1] = r.agencyId();
        row[2] = r.agencyName();
        row[3] = r.category();
        row[4] = r.year();
        row[5] = r.sourceForm().code();
        row[6] = r.templateVersion();
        row[7] = r.errorCount();
        row[8] = r.warningCount();
        for (TemplateCatalog.Cell c : cells) {
          row[FIXED_REPORT_COLUMNS + c.index()] = r.value(c.index());
        }
        out.accept(Arrays.asList(row));
        return;
      }
      for (TemplateCatalog.Cell c : cells) {
        out.accept(Arrays.asList(r.sourceFile(), r.agencyId(), r.agencyName(), r.category(), r.year(), c.table(), c.item(),
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
      out.accept(Arrays.asList(f.sourceFile(), f.agencyId(), f.agencyName(), f.category(), f.year(), f.ruleId(), f.severity(),
          f.cells(), f.expected(), f.actual(), f.difference(), f.messageZh(), f.messageEn(), f.waived(),
          f.waiverReason()));
    }
  }
}
