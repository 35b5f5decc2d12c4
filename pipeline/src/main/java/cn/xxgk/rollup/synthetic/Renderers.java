package cn.xxgk.rollup.synthetic;

import cn.xxgk.rollup.model.CellStatus;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.TemplateCatalog;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a report (its agency, year and cell values) into the forms real reports arrive in: web
 * text, layout text, crawler text with glued digits, Markdown with lost labels, HTML, the filled
 * official Word template, and the CSV and JSON submissions. Labels come from the template catalog.
 * The synthetic corpus and the round-trip and mutation tests use it.
 */
public final class Renderers {
  private static final TemplateCatalog CATALOG = TemplateCatalog.get();

  private Renderers() {}

  /**
   * Crawler text: each section one line, every row's digits glued together. The narrative is the
   * original report's own text before its tables, flattened as a crawler flattens it.
   */
  public static String glued(Report r, String originalText) {
    String intro = originalText.substring(0, originalText.indexOf("主动公开政府信息情况"));
    intro = intro.substring(0, Math.max(0, intro.lastIndexOf("二")));
    return glued(r, intro, false);
  }

  /**
   * Crawler text with the given narrative; with {@code spacedTable2} the numbers of table 二's
   * rows keep the spaces between them (as some crawlers do), so that table has one reading.
   */
  public static String glued(Report r, String intro, boolean spacedTable2) {
    String sep = spacedTable2 ? " " : "";
    StringBuilder s = new StringBuilder();
    s.append("标题: ").append(r.agencyName()).append(r.year()).append("年政府信息公开工作年度报告\n");
    s.append("==================== 正文 ====================\n");
    s.append("本报告所列数据统计期限为").append(r.year()).append("年1月1日至").append(r.year()).append("年12月31日。")
        .append(intro.replace("\r", "").replace("\n", "").replace("\t", ""));
    s.append("二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数");
    s.append("规章").append(String.join(sep, plain(r, "regulation_issued"), plain(r, "regulation_repealed"),
        plain(r, "regulation_in_force")));
    s.append("行政规范性文件").append(String.join(sep, plain(r, "normative_doc_issued"), plain(r, "normative_doc_repealed"),
        plain(r, "normative_doc_in_force")));
    s.append("第二十条第（五）项信息内容本年处理决定数量行政许可").append(plain(r, "licensing_decisions"));
    s.append("第二十条第（六）项信息内容本年处理决定数量行政处罚").append(plain(r, "penalty_decisions"));
    s.append("行政强制").append(plain(r, "coercion_decisions"));
    s.append("第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费").append(plain(r, "fee_amount_wan_yuan"));
    s.append("三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
        + "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益 组织 法律服务 机构 其他");
    String group = null;
    for (TemplateCatalog.Row row : CATALOG.table(3).rows()) {
      if (r.status(row.cells().get(0).index()) == CellStatus.ABSENT) {
        continue;
      }
      if (row.groupCode() != null && !row.groupCode().equals(group) && !row.groupCode().equals("results")) {
        TemplateCatalog.Group g = CATALOG.table(3).group(row.groupCode());
        s.append(g.item()).append(g.labels().get(0));
        if (collapsed(r, g)) {
          s.append(digits(r, row.cells())).append(' ');
          group = row.groupCode();
          continue;
        }
      }
      group = row.groupCode();
      s.append(ownLabel(row)).append(digits(r, row.cells()));
    }
    s.append("四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
        + "未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计");
    s.append(digits(r, CATALOG.table(4).rows().get(0).cells()));
    s.append("五、存在的主要问题及改进情况 无。\n");
    return s.toString();
  }

  /**
   * Markdown as a PDF converter writes it: table 三 in fragments of a few rows, and every third
   * row's label pulled out of its row onto a loose line after the fragment.
   */
  public static String markdownWithLostLabels(Report r) {
    StringBuilder s = new StringBuilder();
    s.append(r.agencyName()).append("\n").append(r.year()).append(" 年政府信息公开工作年度报告\n\n");
    s.append("一、主动公开政府信息情况\n第二十条第（五）项\n信息内容本年处理决定数量\n");
    s.append("行政许可 ").append(plain(r, "licensing_decisions")).append("\n");
    s.append("行政处罚 ").append(plain(r, "penalty_decisions")).append("\n");
    s.append("行政强制 ").append(plain(r, "coercion_decisions")).append("\n");
    s.append("第二十条第（八）项\n信息内容本年收费金额（单位：万元）\n");
    s.append("行政事业性收费 ").append(plain(r, "fee_amount_wan_yuan")).append("\n");
    s.append("## 表二：主动公开政府信息情况\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n");
    s.append("| 规章 | ").append(cells(r, "regulation_issued", "regulation_repealed", "regulation_in_force")).append(" |\n");
    s.append("| 规范性文件 | ").append(cells(r, "normative_doc_issued", "normative_doc_repealed", "normative_doc_in_force")).append(" |\n\n");
    s.append("二、收到和处理政府信息公开申请情况\n申请人情况\n自然人总计\n商业企科研机社会公法律服\n其他\n");
    List<String> loose = new ArrayList<>();
    int n = 0;
    for (TemplateCatalog.Row row : CATALOG.table(3).rows()) {
      if (r.status(row.cells().get(0).index()) == CellStatus.ABSENT) {
        continue;
      }
      if (n % 4 == 0) {
        loose.forEach(l -> s.append(l).append("\n"));
        loose.clear();
        s.append("\n| 业 | 构 | 益组织 | 务机构 |  |  |  |  |\n|---|---|---|---|---|---|---|---|\n");
      }
      String values = row.cells().stream().map(c -> text(r, c.index())).collect(Collectors.joining(" | "));
      TemplateCatalog.Group g = row.groupCode() == null ? null : CATALOG.table(3).group(row.groupCode());
      String label = g != null && collapsed(r, g) ? g.item() + g.labels().get(0) : ownLabel(row);
      if (n % 3 == 1) {
        loose.add(label);
        s.append("| ").append(values).append(" |\n");
      } else {
        s.append("| ").append(label).append(" | ").append(values).append(" |\n");
      }
      n++;
    }
    loose.forEach(l -> s.append(l).append("\n"));
    s.append("\n三、政府信息公开行政复议、行政诉讼情况\n行政复议行政诉讼\n");
    s.append("| 维持 | 纠正 | 结果 | 审结 |\n|---|---|---|---|\n| ");
    s.append(CATALOG.table(4).rows().get(0).cells().stream().map(c -> text(r, c.index())).collect(Collectors.joining(" | ")));
    s.append(" |\n\n四、存在的主要问题及改进情况\n无。\n");
    return s.toString();
  }

  /** The web page: a title, a paragraph, and the three tables as HTML tables (group labels span rows). */
  public static String html(Report r) {
    StringBuilder s = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
        .append(r.agencyName()).append(r.year()).append("年政府信息公开工作年度报告</title></head><body>")
        .append("<div class=\"nav\">首页 &gt; 政府信息公开 &gt; 年报</div>")
        .append("<h1><span>").append(r.agencyName()).append("</span><span>").append(r.year())
        .append("年政府信息公开工作年度报告</span></h1>")
        .append("<p>本报告所列数据统计期限自").append(r.year()).append("年1月1日至").append(r.year()).append("年12月31日止。</p>");
    s.append("<p>二、主动公开政府信息情况</p><table><tr><td colspan=\"4\">第二十条第（一）项</td></tr>")
        .append("<tr><td>信息内容</td><td>本年<span>制发件数</span></td><td>本年废止件数</td><td>现行有效件数</td></tr>");
    for (TemplateCatalog.Row row : CATALOG.table(2).rows()) {
      s.append("<tr><td><font>").append(row.labels().get(0)).append("</font></td>");
      for (TemplateCatalog.Cell c : row.cells()) {
        s.append("<td><p><span>").append(text(r, c.index())).append("</span><o:p> </o:p></p></td>");
      }
      s.append("</tr>");
    }
    s.append("</table><p>三、收到和处理政府信息公开申请情况</p><table>")
        .append("<tr><td rowspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=\"7\">申请人情况</td></tr>")
        .append("<tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr>")
        .append("<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>");
    String group = null;
    for (TemplateCatalog.Row row : CATALOG.table(3).rows()) {
      if (r.status(row.cells().get(0).index()) == CellStatus.ABSENT) {
        continue;
      }
      s.append("<tr>");
      TemplateCatalog.Group g = row.groupCode() == null ? null : CATALOG.table(3).group(row.groupCode());
      if (g != null && !g.code().equals(group) && !g.code().equals("results")) {
        s.append("<td>").append(g.item()).append(g.labels().get(0)).append("</td>");
      }
      group = row.groupCode();
      s.append("<td>").append(g != null && collapsed(r, g) ? "" : ownLabel(row)).append("</td>");
      for (TemplateCatalog.Cell c : row.cells()) {
        s.append("<td>").append(text(r, c.index())).append("</td>");
      }
      s.append("</tr>");
    }
    s.append("</table><p>四、政府信息公开行政复议、行政诉讼情况</p><table><tr><td colspan=\"5\">行政复议</td><td colspan=\"10\">行政诉讼</td></tr><tr>");
    for (TemplateCatalog.Cell c : CATALOG.table(4).rows().get(0).cells()) {
      s.append("<td>").append(text(r, c.index())).append("</td>");
    }
    s.append("</tr></table><p>五、存在的主要问题及改进情况</p><p>无。</p><script>var x = 1;</script></body></html>");
    return s.toString();
  }

  /** The official Word template filled with the report's values and title. */
  public static byte[] docx(Report r) throws java.io.IOException {
    try (java.io.InputStream in = Renderers.class.getResourceAsStream("/template/annual_report_template_2021.docx");
        org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(in)) {
      org.apache.poi.xwpf.usermodel.XWPFParagraph title = doc.getParagraphs().get(0);
      while (!title.getRuns().isEmpty()) {
        title.removeRun(0);
      }
      title.createRun().setText(r.agencyName() + r.year() + "年政府信息公开工作年度报告");
      List<org.apache.poi.xwpf.usermodel.XWPFTable> tables = doc.getTables();
      int[] table2Rows = {2, 3, 6, 9, 10, 13};
      List<TemplateCatalog.Row> rows2 = CATALOG.table(2).rows();
      for (int i = 0; i < rows2.size(); i++) {
        fillLast(tables.get(0).getRow(table2Rows[i]), r, rows2.get(i).cells());
      }
      List<TemplateCatalog.Row> rows3 = CATALOG.table(3).rows();
      for (int i = 0; i < rows3.size(); i++) {
        fillLast(tables.get(1).getRow(3 + i), r, rows3.get(i).cells());
      }
      fillLast(tables.get(2).getRow(3), r, CATALOG.table(4).rows().get(0).cells());
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      doc.write(out);
      return fixedTimes(out.toByteArray());
    }
  }

  /** The zip with every entry's time set to one fixed moment, so equal documents are equal bytes. */
  private static byte[] fixedTimes(byte[] zip) throws java.io.IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
        java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
      java.util.zip.ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
        copy.setTimeLocal(java.time.LocalDateTime.of(2021, 1, 1, 0, 0));
        z.putNextEntry(copy);
        in.transferTo(z);
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static void fillLast(org.apache.poi.xwpf.usermodel.XWPFTableRow row, Report r, List<TemplateCatalog.Cell> cells) {
    List<org.apache.poi.xwpf.usermodel.XWPFTableCell> tc = row.getTableCells();
    for (int i = 0; i < cells.size(); i++) {
      org.apache.poi.xwpf.usermodel.XWPFTableCell cell = tc.get(tc.size() - cells.size() + i);
      while (!cell.getParagraphs().isEmpty()) {
        cell.removeParagraph(0);
      }
      cell.addParagraph().createRun().setText(text(r, cells.get(i).index()));
    }
  }

  /** The long-form CSV submission. */
  public static String csv(Report r) {
    StringBuilder s = new StringBuilder("agency_name,year,item,applicant,value\r\n");
    for (TemplateCatalog.Cell c : CATALOG.cells()) {
      s.append('"').append(r.agencyName()).append("\",").append(r.year()).append(',').append(c.item()).append(',')
          .append(c.applicantCode() == null ? "" : c.applicantCode()).append(',').append(text(r, c.index())).append("\r\n");
    }
    return s.toString();
  }

  /** The JSON submission. */
  public static String json(Report r) {
    StringBuilder s = new StringBuilder("{\n  \"agency_name\": \"").append(r.agencyName()).append("\",\n  \"year\": ")
        .append(r.year()).append(",\n  \"revision\": 1");
    for (int t : new int[] {2, 4}) {
      s.append(",\n  \"table").append(t).append("\": {");
      String sep = "";
      for (TemplateCatalog.Cell c : CATALOG.cells()) {
        if (c.table() == t) {
          s.append(sep).append("\"").append(c.code()).append("\": ").append(jsonValue(r, c));
          sep = ", ";
        }
      }
      s.append("}");
    }
    s.append(",\n  \"table3\": {");
    String rowSep = "";
    for (TemplateCatalog.Row row : CATALOG.table(3).rows()) {
      s.append(rowSep).append("\n    \"").append(row.code()).append("\": {");
      String sep = "";
      for (TemplateCatalog.Cell c : row.cells()) {
        s.append(sep).append("\"").append(c.applicantCode()).append("\": ").append(jsonValue(r, c));
        sep = ", ";
      }
      s.append("}");
      rowSep = ",";
    }
    return s.append("}\n}\n").toString();
  }

  private static String jsonValue(Report r, TemplateCatalog.Cell c) {
    BigDecimal v = r.value(c.index());
    return v == null ? "null" : v.toPlainString();
  }

  private static boolean collapsed(Report r, TemplateCatalog.Group g) {
    return g.collapseInto() != null && CATALOG.table(3).rows().stream()
        .anyMatch(x -> g.code().equals(x.groupCode()) && r.status(x.cells().get(0).index()) == CellStatus.ABSENT);
  }

  /** Text copied from the web page: one cell per tab-led line, rows separated by blank lines. */
  public static String webText(Report r, String narrative) {
    StringBuilder s = new StringBuilder();
    s.append(r.agencyName()).append("\n\n").append(r.year()).append("年政府信息公开工作年度报告\n\n")
        .append("本报告所列数据的统计期限自").append(r.year()).append("年1月1日起至").append(r.year()).append("年12月31日止。")
        .append(narrative).append("\n\n二、主动公开政府信息情况\n\n\t第二十条第（一）项\n\n\t信息内容\n\t本年制发件数\n\t本年废止件数\n\t现行有效件数\n\n");
    for (TemplateCatalog.Row row : CATALOG.table(2).rows()) {
      s.append("\t").append(row.labels().get(0)).append("\n");
      row.cells().forEach(c -> s.append("\t").append(text(r, c.index())).append("\n"));
      s.append("\n");
    }
    s.append("三、收到和处理政府信息公开申请情况\n\n\t自然人\n\t商业\n企业\n\t科研机构\n\t社会公益组织\n\t法律服务机构\n\t其他\n\t总计\n\n");
    String group = null;
    for (TemplateCatalog.Row row : CATALOG.table(3).rows()) {
      TemplateCatalog.Group g = row.groupCode() == null ? null : CATALOG.table(3).group(row.groupCode());
      if (g != null && !g.code().equals(group) && !g.code().equals("results")) {
        s.append("\t").append(g.item()).append(g.labels().get(0)).append("\n");
      } else {
        s.append("\t\n");
      }
      group = row.groupCode();
      s.append("\t").append(ownLabel(row)).append("\n");
      row.cells().forEach(c -> s.append("\t").append(text(r, c.index())).append("\n"));
      s.append("\n");
    }
    s.append("四、政府信息公开行政复议、行政诉讼情况\n\n\t行政复议\n\t行政诉讼\n\n");
    CATALOG.table(4).rows().get(0).cells().forEach(c -> s.append("\t").append(text(r, c.index())).append("\n"));
    s.append("\n\n五、存在的主要问题及改进情况\n\n无。\n");
    return s.toString();
  }

  /** Layout text as pdftotext -layout writes it: labels, then the numbers in aligned columns. */
  public static String layoutText(Report r, String narrative) {
    StringBuilder s = new StringBuilder();
    s.append("            ").append(r.agencyName()).append("\n     ").append(r.year()).append(" 年政府信息公开工作年度报告\n\n")
        .append("   报告所列统计期限自 ").append(r.year()).append(" 年 1 月 1 日至 ").append(r.year()).append(" 年 12 月 31 日。\n")
        .append("   ").append(narrative).append("\n                                 -1-\n")
        .append("     二、主动公开政府信息情况\n第二十条 第（一）项\n\n信息内容          本年制发件数     本年废止件数   现行有效件数\n\n");
    for (TemplateCatalog.Row row : CATALOG.table(2).rows()) {
      s.append(pad(row.labels().get(0), 30));
      row.cells().forEach(c -> s.append(pad(text(r, c.index()), 10)));
      s.append("\n\n");
    }
    s.append("      三、收到和处理政府信息公开申请情况\n                    申请人情况\n")
        .append("                               自然人   商业企 业   科研机 构   社会公益组织   法律服务机构   其他   总计\n\n");
    for (TemplateCatalog.Row row : CATALOG.table(3).rows()) {
      s.append(pad("      " + ownLabel(row), 44));
      row.cells().forEach(c -> s.append(pad(text(r, c.index()), 8)));
      s.append("\n\n");
    }
    s.append("     四、政府信息公开行政复议、行政诉讼情况\n行政复议                          行政诉讼\n\n");
    CATALOG.table(4).rows().get(0).cells().forEach(c -> s.append(pad(text(r, c.index()), 6)));
    s.append("\n\n       五、存在的主要问题及改进情况\n   无。\n");
    return s.toString();
  }

  /** Text followed by spaces to a width, and at least two: a column gap. */
  private static String pad(String t, int width) {
    int w = 0;
    for (char ch : t.toCharArray()) {
      w += ch > 0x2E80 ? 2 : 1;
    }
    return t + " ".repeat(Math.max(2, width - w));
  }

  public static String ownLabel(TemplateCatalog.Row row) {
    String item = row.item();
    String label = row.labels().get(0);
    if (item == null) {
      return label;
    }
    if (Character.isDigit(item.charAt(0))) {
      return item + "." + label;
    }
    return item.startsWith("（") ? item + label : item + "、" + label;
  }

  private static String digits(Report r, String... codes) {
    StringBuilder s = new StringBuilder();
    for (String c : codes) {
      s.append(plain(r, c));
    }
    return s.toString();
  }

  private static String digits(Report r, List<TemplateCatalog.Cell> cells) {
    return digits(r, cells.stream().map(TemplateCatalog.Cell::code).toArray(String[]::new));
  }

  private static String cells(Report r, String... codes) {
    List<String> out = new ArrayList<>();
    for (String c : codes) {
      out.add(plain(r, c));
    }
    return String.join(" | ", out);
  }

  private static String plain(Report r, String code) {
    return text(r, CATALOG.cell(code).index());
  }

  private static String text(Report r, int index) {
    return r.value(index) == null ? "" : r.value(index).toPlainString();
  }
}
