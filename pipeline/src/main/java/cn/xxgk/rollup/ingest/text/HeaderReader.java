package cn.xxgk.rollup.ingest.text;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads who and which year a report is about: the title ("淮安市人民政府 / 2024 年政府信息公开工作
 * 年度报告", on one line or two) and the statistics period ("统计期限自 2024 年 1 月 1 日").
 */
public final class HeaderReader {
  private static final int TITLE_SEARCH_LINES = 40;
  private static final Pattern TITLE = Pattern.compile(
      "^(.*?)((?:19|20)\\d{2})年度?(?:政府信息公开|政务信息公开|政务公开|信息公开)?(?:工作)?年度?报告.*$");
  private static final Pattern PERIOD = Pattern.compile(
      "(?:统计期限|统计期|统计时间|数据统计期限)[^0-9]{0,6}((?:19|20)\\d{2})年|自((?:19|20)\\d{2})年1月1日");
  private static final Pattern COMPILER = Pattern.compile("本报告由(.{2,40}?)(?:根据|按照|依据|依照|编制|结合)");
  private static final Pattern LABEL_PREFIX = Pattern.compile("^(?:标题|题目|名称)[:：]");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u3000]+");

  private HeaderReader() {}

  /** What the header says; fields are null when the text does not say. */
  public record Header(String agencyName, Integer titleYear, Integer periodYear) {
    /** The statistics year: the title's, else the period's. */
    public Integer year() {
      return titleYear != null ? titleYear : periodYear;
    }
  }

  public static Header read(String text) {
    String[] lines = text.replace("\r", "").split("\n");
    String agency = null;
    Integer titleYear = null;
    String previous = null;
    int seen = 0;
    for (String raw : lines) {
      String line = compact(raw);
      if (line.isEmpty()) {
        continue;
      }
      if (++seen > TITLE_SEARCH_LINES) {
        break;
      }
      line = LABEL_PREFIX.matcher(line).replaceFirst("");
      Matcher m = TITLE.matcher(line);
      if (m.matches() && line.length() <= 80) {
        titleYear = Integer.valueOf(m.group(2));
        String before = m.group(1);
        if (!before.isEmpty()) {
          agency = before;
        } else if (previous != null && previous.length() <= 40 && !previous.matches(".*\\d{4}.*")) {
          agency = previous;
        }
        break;
      }
      previous = line;
    }
    String all = compact(text);
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

  /** NFKC with every space removed: Chinese text has none of its own. */
  private static String compact(String s) {
    return SPACES.matcher(Normalizer.normalize(s, Normalizer.Form.NFKC)).replaceAll("");
  }
}
