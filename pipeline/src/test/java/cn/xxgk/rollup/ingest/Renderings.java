package cn.xxgk.rollup.ingest;

import cn.xxgk.rollup.model.CellStatus;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.TemplateCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a parsed report back into the damaged forms real reports arrive in, for mutation tests:
 * crawler text with glued digits, and Markdown whose tables are broken into fragments with some
 * row labels lost. Labels come from the template catalog, values from the report.
 */
final class Renderings {
  private static final TemplateCatalog CATALOG = TemplateCatalog.get();

  private Renderings() {}

  /**
   * Crawler text: each section one line, every row's digits glued together. The narrative is the
   * original report's own text before its tables, flattened as a crawler flattens it.
   */
  static String glued(Report r, String originalText) {
    String intro = originalText.substring(0, originalText.indexOf("主动公开政府信息情况"));
    intro = intro.substring(0, Math.max(0, intro.lastIndexOf("二")));
    StringBuilder s = new StringBuilder();
    s.append("标题: ").append(r.agencyName()).append(r.year()).append("年政府信息公开工作年度报告\n");
    s.append("==================== 正文 ====================\n");
    s.append("本报告所列数据统计期限为").append(r.year()).append("年1月1日至").append(r.year()).append("年12月31日。")
        .append(intro.replace("\r", "").replace("\n", "").replace("\t", ""));
    s.append("二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数");
    s.append("规章").append(digits(r, "regulation_issued", "regulation_repealed", "regulation_in_force"));
    s.append("行政规范性文件").append(digits(r, "normative_doc_issued", "normative_doc_repealed", "normative_doc_in_force"));
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
  static String markdownWithLostLabels(Report r) {
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

  private static boolean collapsed(Report r, TemplateCatalog.Group g) {
    return g.collapseInto() != null && CATALOG.table(3).rows().stream()
        .anyMatch(x -> g.code().equals(x.groupCode()) && r.status(x.cells().get(0).index()) == CellStatus.ABSENT);
  }

  static String ownLabel(TemplateCatalog.Row row) {
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
