package cn.xxgk.rollup.output;

/**
 * Neutralises text cells that a spreadsheet would run as a formula (OWASP CSV injection): a
 * leading =, +, -, @, tab or carriage return gets an apostrophe in front. Numeric columns are
 * never passed here, so negative numbers stay numbers.
 */
public final class CsvSafety {
  private CsvSafety() {}

  public static String neutralize(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        || first == '＝' || first == '＋' || first == '－' || first == '＠') {
      return "'" + text;
    }
    return text;
  }
}
