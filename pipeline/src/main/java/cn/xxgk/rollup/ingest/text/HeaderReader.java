package cn.xxgk.rollup.ingest.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads who and which year a report is about: the title ("淮安市人民政府 / 2024 年政府信息公开工作
 * 年度报告", on one line or two) and the statistics period ("统计期限自 2024 年 1 月 1 日").
 */
public final class HeaderReader {
  private static final int TITLE_SEARCH_LINES = 40;
  /** [agency] YYYY年[度] [agency] 政府信息公开工作年度报告; the agency may stand before or after the year. */
  private static final Pattern TITLE = Pattern.compile(
      "^(.*?)((?:19|20)\\d{2})年度?(.{0,30}?)(?:政府信息公开|政务信息公开|政务公开|信息公开)(?:工作)?年度?报告.*$");
  private static final int MAX_TITLE_LINE = 40;
  private static final Pattern PERIOD = Pattern.compile(
      "(?:统计期限|统计周期|统计期|统计时间|数据统计期限)[^0-9]{0,6}((?:19|20)\\d{2})年|自((?:19|20)\\d{2})年1月1日");
  private static final Pattern COMPILER = Pattern.compile("本报告由(.{2,40}?)(?:根据|按照|依据|依照|编制|结合)");
  private static final Pattern AGENCY_SUFFIX = Pattern.compile("关于$");
  private static final Pattern LABEL_PREFIX = Pattern.compile("^(?:标题|题目|名称)[:：]");

  private HeaderReader() {}

  /** What the header says; fields are null when the text does not say. */
  public record Header(String agencyName, Integer titleYear, Integer periodYear) {
    /** The statistics year: the title's, else the period's. */
    public Integer year() {
      return titleYear != null ? titleYear : periodYear;
    }
  }

  public static Header read(String text) {
    List<String> lines = new ArrayList<>();
    for (String raw : text.replace("\r", "").split("\n")) {
      String line = LABEL_PREFIX.matcher(CellText.compact(raw)).replaceFirst("");
      if (!line.isEmpty() && lines.size() < TITLE_SEARCH_LINES) {
        lines.add(line);
      }
    }
    String agency = null;
    Integer titleYear = null;
    for (int i = 0; i < lines.size() && titleYear == null; i++) {
      String line = lines.get(i);
      // a title may be wrapped: "2024年上海市科委政府信息公开工作" / "年度报告"
      List<String> tries = new ArrayList<>(List.of(line));
      if (i + 1 < lines.size() && line.length() <= MAX_TITLE_LINE) {
        tries.add(line + lines.get(i + 1));
      }
      for (String t : tries) {
        Matcher m = TITLE.matcher(t);
        if (m.matches() && t.length() <= 2 * MAX_TITLE_LINE) {
          titleYear = Integer.valueOf(m.group(2));
          String before = AGENCY_SUFFIX.matcher(m.group(1)).replaceFirst("");
          String after = m.group(3);
          String previous = i > 0 ? lines.get(i - 1) : null;
          if (!before.isEmpty()) {
            agency = before;
          } else if (!after.isEmpty()) {
            agency = after;
          } else if (previous != null && previous.length() <= MAX_TITLE_LINE && !previous.matches(".*\\d{4}.*")) {
            agency = previous;
          }
          break;
        }
      }
    }
    String all = CellText.compact(text);
    Integer periodYear = null;
    Matcher p = PERIOD.matcher(all);
    if (p.find()) {
      periodYear = Integer.valueOf(p.group(1) != null ? p.group(1) : p.group(2));
    }
    if (agency == null) {
      Matcher c = COMPILER.matcher(all);
      if (c.find()) {
        agency = c.group(1);
      }
    }
    return new Header(agency, titleYear, periodYear);
  }
}
