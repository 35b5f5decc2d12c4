package cn.xxgk.rollup.ingest.text;

import cn.xxgk.rollup.model.SourceForm;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Turns the text of each text form into {@link TextLine}s of cells. */
public final class Lexers {
  /** Page numbers that PDF extraction leaves inside tables: "-3-", "— 3 —", "第3页 共5页". */
  private static final Pattern PAGE_FOOTER = Pattern.compile(
      "^\\s*(?:[-—–－]\\s*\\d{1,3}\\s*[-—–－]|第\\s*\\d{1,3}\\s*页(?:\\s*[,，/]?\\s*共\\s*\\d{1,3}\\s*页)?|\\d{1,3}\\s*/\\s*\\d{1,3})\\s*$");
  /** Longest line taken as the wrapped rest of a web table cell (商业/企业, 尚未/审结). */
  private static final int MAX_WRAPPED_CELL_LINE = 8;
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0\\u3000]+");

  private Lexers() {}

  public static List<TextLine> lex(SourceForm form, String text) {
    return switch (form) {
      case WEB_TEXT -> webText(text);
      case LAYOUT_TEXT -> layoutText(text);
      case CRAWLER_TEXT -> throw new IllegalArgumentException("crawler text is read by GluedTableReader");
    };
  }

  /**
   * Copied web text: rows are blocks separated by blank lines; in a block, a tab starts a new
   * cell and a line without a leading tab continues the previous cell (a label wrapped in its
   * cell, e.g. 商业 / 企业).
   */
  static List<TextLine> webText(String text) {
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<TextLine> out = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    int start = -1;
    boolean inCell = false;
    for (int i = 0; i <= lines.length; i++) {
      String line = i < lines.length ? lines[i] : "";
      if (line.isBlank() && !line.contains("\t")) {
        flush(out, start, cells);
        inCell = false;
        continue;
      }
      String[] parts = line.split("\t", -1);
      if (!line.startsWith("\t")) {
        if (inCell && isWrappedCellText(parts[0])) {
          int last = cells.size() - 1;
          cells.set(last, cells.get(last) + parts[0]);
        } else {
          flush(out, start, cells);
          start = i + 1;
          cells.add(parts[0]);
        }
      } else if (cells.isEmpty()) {
        start = i + 1;
      }
      for (int p = 1; p < parts.length; p++) {
        cells.add(parts[p]);
      }
      inCell = parts.length > 1 || inCell && isWrappedCellText(parts[0]);
    }
    return out;
  }

  /** A short line right after a cell is the rest of the cell's text (商业 / 企业), not a paragraph. */
  private static boolean isWrappedCellText(String line) {
    return line.strip().length() <= MAX_WRAPPED_CELL_LINE;
  }

  private static void flush(List<TextLine> out, int start, List<String> cells) {
    if (!cells.isEmpty()) {
      out.add(toLine(start, cells));
      cells.clear();
    }
  }

  /**
   * pdftotext -layout text: one line per physical line; cells are separated by runs of spaces.
   * Words separated by a single space are one cell (a label broken by the PDF), numbers are
   * always cells of their own. Page footers are dropped.
   */
  static List<TextLine> layoutText(String text) {
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n').split("\n", -1);
    List<TextLine> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || PAGE_FOOTER.matcher(line).matches()) {
        continue;
      }
      List<TextCell> cells = new ArrayList<>();
      // NFKC only: the widths of the gaps between words carry the column structure.
      String normalized = java.text.Normalizer.normalize(line, java.text.Normalizer.Form.NFKC)
          .replace('\u00a0', ' ').replace('\u3000', ' ').strip();
      // Split on whitespace but remember the width of each gap to glue single-spaced words.
      java.util.regex.Matcher m = WHITESPACE.matcher(normalized);
      int pos = 0;
      String pending = null;
      boolean pendingGlue = false;
      while (true) {
        boolean found = m.find();
        String token = normalized.substring(pos, found ? m.start() : normalized.length());
        int gap = found ? m.end() - m.start() : 0;
        TextCell cell = TextCell.of(token);
        if (cell.kind() == CellText.Kind.TEXT && pending != null && pendingGlue) {
          pending = pending + token;
        } else {
          if (pending != null) {
            cells.add(TextCell.of(pending));
          }
          pending = token;
        }
        pendingGlue = gap == 1 && cell.kind() == CellText.Kind.TEXT;
        if (!found) {
          break;
        }
        pos = m.end();
      }
      if (pending != null && !pending.isEmpty()) {
        cells.add(TextCell.of(pending));
      }
      out.add(new TextLine(i + 1, List.copyOf(cells)));
    }
    return out;
  }

  private static TextLine toLine(int lineNo, List<String> raw) {
    List<TextCell> cells = new ArrayList<>(raw.size());
    for (String r : raw) {
      cells.add(TextCell.of(r));
    }
    return new TextLine(lineNo, List.copyOf(cells));
  }
}
