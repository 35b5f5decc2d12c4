package cn.xxgk.rollup.ingest.text;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One row as a form gives it: a table row of a copied web page or a Markdown table, or a
 * physical line of layout text. {@code lineNo} is the 1-based line of the source where it starts;
 * {@code tableRow} says the cells came from a real table structure (pipes, tabs), not from gaps
 * between words.
 */
public record TextLine(int lineNo, List<TextCell> cells, boolean tableRow) {

  /** The whole line's text with spaces removed, for heading and header-term searches. */
  public String compactText() {
    return cells.stream().map(TextCell::text).collect(Collectors.joining()).replace(" ", "");
  }

  /** Whether the line holds a number or a placeholder (not only empties and words). */
  public boolean hasValues() {
    for (TextCell c : cells) {
      if (c.kind() == CellText.Kind.NUMBER || c.kind() == CellText.Kind.PLACEHOLDER) {
        return true;
      }
    }
    return false;
  }

  /** A short excerpt for messages. */
  public String excerpt() {
    String s = cells.stream().map(TextCell::text).filter(t -> !t.isEmpty()).collect(Collectors.joining(" "));
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
