package cn.xxgk.rollup.ingest.text;

import cn.xxgk.rollup.model.SourceForm;
import java.util.ArrayList;
import java.util.List;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the text of each text form into {@link TextLine}s of cells. */
public final class Lexers {
  /** Page numbers that PDF extraction leaves inside tables: "-3-", "— 3 —", "第3页 共5页". */
  private static final Pattern PAGE_FOOTER = Pattern.compile(
      "^\\s*(?:[-—–－]\\s*\\d{1,3}\\s*[-—–－]|第\\s*\\d{1,3}\\s*页(?:\\s*[,，/]?\\s*共\\s*\\d{1,3}\\s*页)?|\\d{1,3}\\s*/\\s*\\d{1,3})\\s*$");
  /** Longest line taken as the wrapped rest of a web table cell (商业/企业, 尚未/审结). */
  private static final int MAX_WRAPPED_CELL_LINE = 8;
  private static final Pattern MD_SEPARATOR = Pattern.compile("^\\|?(\\s*:?-{3,}:?\\s*\\|)+\\s*:?-*:?\\s*$");
  /** A number followed by a bracket that is not closed yet. */
  private static final Pattern OPEN_NOTE = Pattern.compile("^\\d[\\d,.]*\\([^)]*$");
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0\\u3000]+");

  private Lexers() {}

  public static List<TextLine> lex(SourceForm form, String text) {
    return switch (form) {
      case WEB_TEXT -> webText(text);
      case LAYOUT_TEXT, PDF -> layoutText(text);
      case MARKDOWN -> markdown(text);
      case PDF_TEXT -> layoutText(text);
      case CRAWLER_TEXT, HTML, DOCX, CSV, JSON -> throw new IllegalArgumentException(form + " is not lexed as text");
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

  /** pdftotext -layout text: one line per physical line, page footers dropped. */
  static List<TextLine> layoutText(String text) {
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n').split("\n", -1);
    List<TextLine> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank() && !PAGE_FOOTER.matcher(lines[i]).matches()) {
        out.add(layoutLine(i + 1, lines[i]));
      }
    }
    return out;
  }

  /**
   * Markdown from a PDF converter: pipe rows are table rows (separator rows dropped), every other
   * line is read like layout text (converters leave table labels as loose lines).
   */
  static List<TextLine> markdown(String text) {
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<TextLine> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || PAGE_FOOTER.matcher(line).matches() || MD_SEPARATOR.matcher(line).matches()) {
        continue;
      }
      if (line.startsWith("|")) {
        String inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
        List<TextCell> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
          cells.add(TextCell.of(cell));
        }
        out.add(new TextLine(i + 1, List.copyOf(cells), true));
      } else {
        out.add(layoutLine(i + 1, lines[i]));
      }
    }
    return out;
  }

  /**
   * One line of layout text as cells: split on whitespace, but words separated by a single space
   * are one cell (a label broken by the PDF); numbers are always cells of their own.
   */
  private static TextLine layoutLine(int lineNo, String line) {
    // NFKC only: the widths of the gaps between words carry the column structure.
    String normalized = Normalizer.normalize(line, Normalizer.Form.NFKC)
        .replace('\u00a0', ' ').replace('\u3000', ' ').strip();
    List<TextCell> cells = new ArrayList<>();
    Matcher gap = WHITESPACE.matcher(normalized);
    int pos = 0;
    String pending = null;
    boolean glue = false;
    while (true) {
      boolean found = gap.find();
      String token = normalized.substring(pos, found ? gap.start() : normalized.length());
      boolean text = TextCell.of(token).kind() == CellText.Kind.TEXT;
      if (pending != null && OPEN_NOTE.matcher(pending).matches()) {
        pending = pending + " " + token; // a number's note in brackets is one cell: 22(其中修订 16 件)
      } else if (text && pending != null && glue) {
        pending = pending + token;
      } else {
        if (pending != null) {
          cells.add(TextCell.of(pending));
        }
        pending = token;
      }
      glue = text && found && gap.end() - gap.start() == 1;
      if (!found) {
        break;
      }
      pos = gap.end();
    }
    if (pending != null && !pending.isEmpty()) {
      cells.add(TextCell.of(pending));
    }
    return new TextLine(lineNo, List.copyOf(cells), false);
  }

  private static TextLine toLine(int lineNo, List<String> raw) {
    List<TextCell> cells = new ArrayList<>(raw.size());
    for (String r : raw) {
      cells.add(TextCell.of(r));
    }
    return new TextLine(lineNo, List.copyOf(cells), true);
  }
}
