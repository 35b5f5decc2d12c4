package cn.xxgk.rollup.ingest.text;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of one table cell: full-width digits and spaces, non-breaking spaces, thousands
 * separators, "0.00"-style decimals, and the placeholders (dashes, 无) that stand where a number
 * belongs.
 */
public final class CellText {
  /** A number, optionally with a unit and a note in brackets: "22（其中修订 16 件）" is 22. */
  private static final Pattern NUMBER = Pattern.compile(
      "^(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(?:件|条|个)?\\s*(?:\\((?:其中|含|包括|另)[^()]*\\))?$");
  private static final Pattern NEGATIVE = Pattern.compile("^[-−]\\s*\\d[\\d,]*(\\.\\d+)?$");
  private static final Pattern PLACEHOLDER =
      Pattern.compile("^(?:[-—–―−~/\\\\×*]+|无|空|暂无|不适用|/)$");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u3000\\u2002-\\u200b\\ufeff]+");

  private CellText() {}

  /** What a cell holds. */
  public enum Kind {
    /** Words: a label, a header, a fragment. */
    TEXT,
    /** A non-negative number. */
    NUMBER,
    /** Nothing. */
    EMPTY,
    /** Something standing where a number belongs that is not one: a dash, 无, a negative. */
    PLACEHOLDER;

    /** Whether the cell can fill a value position of a row. */
    public boolean isValue() {
      return this != TEXT;
    }
  }

  /**
   * The text without ASCII whitespace (what regex {@code \s} matches), no-break space (U+00A0)
   * and ideographic space (U+3000): Chinese text has none of its own. A loop, not a
   * regex: parsing calls it for every line and label.
   */
  public static String withoutSpaces(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean space = isAsciiSpace(c) || c == '\u00a0' || c == '\u3000';
      if (space && sb == null) {
        sb = new StringBuilder(s.length()).append(s, 0, i);
      } else if (!space && sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** Whether the character is one that regex {@code \s} matches: space, tab, line breaks, form feed. */
  public static boolean isAsciiSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** NFKC (full-width to ASCII forms) without any space: labels and headers are compared so. */
  public static String compact(String s) {
    return withoutSpaces(Normalizer.normalize(s, Normalizer.Form.NFKC));
  }

  /** NFKC (full-width to ASCII forms) with every kind of space made a plain space, trimmed. */
  public static String normalize(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
    return SPACES.matcher(n).replaceAll(" ").trim();
  }

  /** Classifies an already {@link #normalize normalized} cell text. */
  public static Kind kind(String normalized) {
    if (normalized.isEmpty()) {
      return Kind.EMPTY;
    }
    if (NUMBER.matcher(normalized).matches()) {
      return Kind.NUMBER;
    }
    if (NEGATIVE.matcher(normalized).matches() || PLACEHOLDER.matcher(normalized).matches()) {
      return Kind.PLACEHOLDER;
    }
    return Kind.TEXT;
  }

  /** The number of a {@link Kind#NUMBER} cell, exactly as printed (scale kept). */
  public static BigDecimal number(String normalized) {
    Matcher m = NUMBER.matcher(normalized);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a number: " + normalized);
    }
    String digits = m.group(1).replace(",", "") + (m.group(2) == null ? "" : m.group(2));
    return new BigDecimal(digits);
  }
}
