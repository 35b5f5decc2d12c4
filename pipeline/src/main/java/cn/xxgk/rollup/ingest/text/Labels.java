package cn.xxgk.rollup.ingest.text;

import cn.xxgk.rollup.model.TemplateCatalog;
import java.text.Normalizer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a cell of text is a given row label of the template, tolerating what real
 * reports do to labels: other item numbering (1、 / 1. / （1）), labels broken over lines (a cell
 * may hold only the first part), extra words after the label, and small typos when the item
 * number agrees.
 */
public final class Labels {
  private static final Pattern ITEM = Pattern.compile(
      "^(?:\\(([一二三四五六七八九十]{1,3})\\)|([一二三四五六七八九十]{1,3})[、.,]|(\\d{1,2})[、.,](?!\\d)|\\((\\d{1,2})\\))(.*)$");
  private static final String NOISE = "“”\"'‘’「」:：,，.。;；";
  /** A fragment (the first line of a wrapped label) must be at least this long to count. */
  private static final int MIN_FRAGMENT = 4;
  private static final int MIN_FRAGMENT_WITHOUT_ITEM = 6;
  private static final double TYPO_SIMILARITY = 0.7;

  private Labels() {}

  /** A label split into its item marker (normalized: "一", "(一)", "1") and its words. */
  public record Parsed(String item, String words) {}

  /** Splits a label or cell text into item marker and normalized words. */
  public static Parsed parse(String text) {
    String s = CellText.compact(text);
    Matcher m = ITEM.matcher(s);
    if (m.matches()) {
      String item;
      if (m.group(1) != null) {
        item = "(" + m.group(1) + ")";
      } else if (m.group(2) != null) {
        item = m.group(2);
      } else if (m.group(3) != null) {
        item = m.group(3);
      } else {
        item = m.group(4);
      }
      return new Parsed(item, words(m.group(5)));
    }
    return new Parsed(null, words(s));
  }

  /** The catalog's item written the way {@link #parse} writes items. */
  public static String normalizeItem(String catalogItem) {
    if (catalogItem == null) {
      return null;
    }
    // without 、 . and ASCII spaces; a loop, not replaceAll, which compiled its pattern per call
    String n = Normalizer.normalize(catalogItem, Normalizer.Form.NFKC);
    StringBuilder sb = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (c != '、' && c != '.' && !CellText.isAsciiSpace(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Punctuation and quotes that labels are compared without (and spaces, as regex {@code \s}). */
  static boolean isNoise(char c) {
    return CellText.isAsciiSpace(c) || NOISE.indexOf(c) >= 0;
  }

  /** The words of a label as compared: NFKC, without spaces, quotes and punctuation. */
  public static String words(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
    StringBuilder sb = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (!isNoise(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Whether the cell text is (the start of) one of the labels, with the given item marker. */
  public static boolean matches(String cellText, String catalogItem, List<String> labels) {
    Parsed cell = parse(cellText);
    if (cell.words().isEmpty()) {
      return false;
    }
    String item = normalizeItem(catalogItem);
    boolean itemAgrees = cell.item() != null && cell.item().equals(item);
    if (cell.item() != null && item != null && !itemAgrees) {
      return false;
    }
    for (String label : labels) {
      String l = words(label);
      String t = cell.words();
      if (t.equals(l)) {
        if (l.length() <= 2 && item != null && !itemAgrees) {
          continue; // "其他", "总计" alone are headers, not rows
        }
        return true;
      }
      if (l.length() <= 2) {
        continue;
      }
      if (t.startsWith(l)) {
        return true;
      }
      int minFragment = itemAgrees || item == null ? MIN_FRAGMENT : MIN_FRAGMENT_WITHOUT_ITEM;
      if (l.startsWith(t) && t.length() >= Math.min(minFragment, l.length())) {
        return true;
      }
      if (itemAgrees && t.length() <= l.length() * 3 / 2
          && lcs(t, l) >= TYPO_SIMILARITY * l.length()) {
        return true;
      }
    }
    return false;
  }

  /** Whether the cell is the label of the row. */
  public static boolean matches(String cellText, TemplateCatalog.Row row) {
    return !row.labels().isEmpty() && matches(cellText, row.item(), row.labels());
  }

  /** Whether the cell is the label of the group. */
  public static boolean matches(String cellText, TemplateCatalog.Group group) {
    return matches(cellText, group.item(), group.labels());
  }

  /** Length of the longest common subsequence. */
  static int lcs(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        cur[j] = a.charAt(i - 1) == b.charAt(j - 1) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
