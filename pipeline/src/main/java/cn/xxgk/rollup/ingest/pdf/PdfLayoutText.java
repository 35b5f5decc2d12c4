package cn.xxgk.rollup.ingest.pdf;

import cn.xxgk.rollup.ingest.RejectException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text layer of a PDF laid out as {@code pdftotext -layout} lays it out: glyphs grouped into
 * lines by their baseline, and the horizontal gaps between them kept as runs of spaces (one space
 * for a gap between words, two or more for a gap between table columns). The result is read as
 * layout text. A PDF without a text layer (a scan) is rejected.
 */
public final class PdfLayoutText {
  /** Fewer glyphs than this in the whole file: there is no usable text layer. */
  private static final int MIN_GLYPHS = 20;
  /** The widest gap written; wider ones say no more (two spaces already separate columns). */
  static final int MAX_GAP_SPACES = 200;

  private PdfLayoutText() {}

  /**
   * @param maxPages more pages are rejected before any is read
   * @param maxGlyphs more glyphs are rejected as soon as they are met (text_limit): a small file can
   *     draw millions of glyphs, and each is held until its page is laid out
   */
  public static String extract(byte[] pdf, int maxPages, int maxGlyphs) throws RejectException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      if (doc.getNumberOfPages() > maxPages) {
        throw RejectException.of("unsupported_format", "form", "PDF", "detail",
            doc.getNumberOfPages() + " pages, more than the " + maxPages + " an annual report has");
      }
      Collector collector = new Collector(maxGlyphs);
      collector.setSortByPosition(true);
      try {
        collector.getText(doc);
      } catch (TooManyGlyphs e) {
        throw RejectException.of("text_limit", "what", "超过" + maxGlyphs + "个字符（PDF）",
            "what_en", "more than " + maxGlyphs + " glyphs (PDF)", "limit", maxGlyphs, "option", "--maxCells");
      }
      if (collector.glyphs < MIN_GLYPHS) {
        throw RejectException.of("no_text_layer");
      }
      return collector.out.toString();
    } catch (InvalidPasswordException e) {
      throw RejectException.of("unsupported_format", "form", "PDF", "detail", "the file is password-protected");
    } catch (IOException e) {
      throw RejectException.of("read_error", "detail", "not a readable PDF: " + e.getMessage());
    }
  }

  /** Thrown out of PDFBox's callbacks, which cannot throw a checked exception. */
  private static final class TooManyGlyphs extends RuntimeException {
    TooManyGlyphs() {
      super(null, null, false, false);
    }
  }

  /** Collects the glyphs of each page and writes them as laid-out lines at the end of the page. */
  private static final class Collector extends PDFTextStripper {
    private final StringBuilder out = new StringBuilder();
    private final List<TextPosition> page = new ArrayList<>();
    private final int maxGlyphs;
    private int glyphs;

    Collector(int maxGlyphs) throws IOException {
      super();
      this.maxGlyphs = maxGlyphs;
    }

    @Override
    protected void processTextPosition(TextPosition text) {
      if (!text.getUnicode().isBlank()) {
        if (glyphs >= maxGlyphs) {
          throw new TooManyGlyphs();
        }
        page.add(text);
        glyphs++;
      }
    }

    @Override
    protected void endPage(org.apache.pdfbox.pdmodel.PDPage p) {
      page.sort(Comparator.comparingDouble(TextPosition::getYDirAdj).thenComparingDouble(TextPosition::getXDirAdj));
      List<List<TextPosition>> lines = new ArrayList<>();
      for (TextPosition t : page) {
        List<TextPosition> last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
        if (last != null && Math.abs(last.get(0).getYDirAdj() - t.getYDirAdj()) <= 0.5 * height(last.get(0))) {
          last.add(t);
        } else {
          List<TextPosition> line = new ArrayList<>();
          line.add(t);
          lines.add(line);
        }
      }
      for (List<TextPosition> line : lines) {
        line.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
        StringBuilder s = new StringBuilder();
        TextPosition prev = null;
        for (TextPosition t : line) {
          if (prev != null) {
            double gap = t.getXDirAdj() - (prev.getXDirAdj() + prev.getWidthDirAdj());
            double em = Math.max(1, prev.getFontSizeInPt());
            if (gap > 0.9 * em) {
              // capped: a damaged file can place a glyph billions of points away
              s.append(" ".repeat((int) Math.min(MAX_GAP_SPACES, Math.max(2, Math.round(gap / (0.5 * em))))));
            } else if (gap > 0.2 * em) {
              s.append(' ');
            }
          }
          s.append(t.getUnicode());
          prev = t;
        }
        out.append(s).append('\n');
      }
      out.append('\f');
      page.clear();
    }

    private static double height(TextPosition t) {
      return Math.max(1, t.getHeightDir() > 0 ? t.getHeightDir() : t.getFontSizeInPt());
    }
  }
}
