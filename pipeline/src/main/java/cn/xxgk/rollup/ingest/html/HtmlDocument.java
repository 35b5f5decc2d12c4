package cn.xxgk.rollup.ingest.html;

import cn.xxgk.rollup.ingest.text.TextCell;
import cn.xxgk.rollup.ingest.text.TextLine;
import cn.xxgk.rollup.ingest.RejectException;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * A report's web page read with jsoup: every table row becomes a line of cells (a cell's text is
 * joined across the spans and fonts Word-generated pages split it into; an empty cell stays an
 * empty cell), every other block of text a line of its own. Scripts, styles and navigation chrome
 * carry no table, so a crawler's wrapper around the page does no harm. The walk is iterative, so
 * deeply nested markup cannot exhaust the stack.
 */
public final class HtmlDocument {
  private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
      "section", "article", "header", "footer", "blockquote", "pre", "table", "title", "dd", "dt", "center");
  private static final Set<String> SKIP = Set.of("script", "style", "noscript", "template", "head", "select", "option");

  private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*?(/?)>");
  /** Tags that are always closed explicitly; unclosed p, td, li do not count. */
  private static final Set<String> CONTAINERS = Set.of("div", "span", "font", "table", "section", "article", "ul",
      "ol", "blockquote", "b", "i", "u", "em", "strong", "a", "center", "form", "nav", "main", "aside", "header", "footer");

  private final List<TextLine> lines = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder paragraph = new StringBuilder();

  private HtmlDocument() {}

  /** Reads decoded HTML. The page title comes first: it often is the only place the title is. */
  public static HtmlDocument parse(String html, int maxDepth) throws RejectException {
    checkDepth(html, maxDepth);
    Document doc = Jsoup.parse(html);
    HtmlDocument d = new HtmlDocument();
    d.block(doc.title());
    NodeTraversor.filter(d.new Walker(), doc.body());
    d.flush();
    return d;
  }

  /**
   * Counts how deep container tags (those a page must close) nest, before any tree is built: a
   * page nested deeper than the limit is rejected after one linear scan.
   */
  static void checkDepth(String html, int maxDepth) throws RejectException {
    Matcher m = TAG.matcher(html);
    int depth = 0;
    while (m.find()) {
      if (!CONTAINERS.contains(m.group(2).toLowerCase(java.util.Locale.ROOT)) || m.group(3).equals("/")) {
        continue;
      }
      depth += m.group(1).isEmpty() ? 1 : -1;
      if (depth > maxDepth) {
        throw RejectException.of("nesting_limit", "limit", maxDepth);
      }
      depth = Math.max(depth, 0);
    }
  }

  public List<TextLine> lines() {
    return lines;
  }

  /** The page's text, a line per block and per table row, for the header and the narrative. */
  public String text() {
    return text.toString();
  }

  private void block(String s) {
    paragraph.append(s);
    flush();
  }

  private void flush() {
    String s = paragraph.toString().strip();
    paragraph.setLength(0);
    if (!s.isEmpty()) {
      lines.add(new TextLine(lines.size() + 1, List.of(TextCell.of(s)), false));
      text.append(s).append('\n');
    }
  }

  private void row(Element tr) {
    List<TextCell> cells = new ArrayList<>();
    StringBuilder joined = new StringBuilder();
    for (Element cell : tr.children()) {
      if (cell.tagName().equals("td") || cell.tagName().equals("th")) {
        String t = cell.text();
        cells.add(TextCell.of(t));
        joined.append(joined.length() == 0 ? "" : "\t").append(t);
      }
    }
    if (!cells.isEmpty()) {
      lines.add(new TextLine(lines.size() + 1, List.copyOf(cells), true));
      text.append(joined).append('\n');
    }
  }

  private final class Walker implements NodeFilter {
    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode t) {
        paragraph.append(t.getWholeText().replace('\n', ' '));
        return FilterResult.CONTINUE;
      }
      if (!(node instanceof Element e)) {
        return FilterResult.CONTINUE;
      }
      String tag = e.tagName();
      if (SKIP.contains(tag)) {
        return FilterResult.SKIP_ENTIRELY;
      }
      if (tag.equals("br")) {
        flush();
      } else if (tag.equals("tr")) {
        flush();
        row(e);
        return FilterResult.SKIP_ENTIRELY;
      } else if (BLOCKS.contains(tag)) {
        flush();
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (node instanceof Element e && BLOCKS.contains(e.tagName())) {
        flush();
      }
      return FilterResult.CONTINUE;
    }
  }
}
