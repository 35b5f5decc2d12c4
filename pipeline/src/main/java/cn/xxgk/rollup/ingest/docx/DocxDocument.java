package cn.xxgk.rollup.ingest.docx;

import cn.xxgk.rollup.ingest.RejectException;
import cn.xxgk.rollup.ingest.text.TextCell;
import cn.xxgk.rollup.ingest.text.TextLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A Word (.docx) report read with Apache POI: paragraphs become lines, table rows lines of cells
 * (a merged cell is one cell; the continuation of a vertical merge is an empty cell, as in the
 * web page). Before POI sees the file, its zip entries are inflated once with a budget, so a zip
 * bomb is rejected after a bounded amount of work; POI parses the XML with external entities and
 * DTDs disabled.
 */
public final class DocxDocument {
  private final List<TextLine> lines = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  private DocxDocument() {}

  public static DocxDocument parse(byte[] bytes, long maxInflatedBytes, int maxInflateRatio) throws RejectException {
    checkInflation(bytes, maxInflatedBytes, maxInflateRatio);
    DocxDocument d = new DocxDocument();
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      for (IBodyElement e : doc.getBodyElements()) {
        if (e instanceof XWPFParagraph p) {
          d.paragraph(p.getText());
        } else if (e instanceof XWPFTable t) {
          for (XWPFTableRow row : t.getRows()) {
            d.row(row);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      throw RejectException.of("read_error", "detail", "not a readable Word (.docx) file: " + e.getMessage());
    }
    return d;
  }

  public List<TextLine> lines() {
    return lines;
  }

  public String text() {
    return text.toString();
  }

  private void paragraph(String s) {
    for (String line : s.split("\n")) {
      if (!line.isBlank()) {
        lines.add(new TextLine(lines.size() + 1, List.of(TextCell.of(line)), false));
        text.append(line.strip()).append('\n');
      }
    }
  }

  private void row(XWPFTableRow row) {
    List<TextCell> cells = new ArrayList<>();
    StringBuilder joined = new StringBuilder();
    for (XWPFTableCell c : row.getTableCells()) {
      String t = c.getText().replace('\n', ' ');
      cells.add(TextCell.of(t));
      joined.append(joined.length() == 0 ? "" : "\t").append(t);
    }
    if (!cells.isEmpty()) {
      lines.add(new TextLine(lines.size() + 1, List.copyOf(cells), true));
      text.append(joined).append('\n');
    }
  }

  /** Inflates every entry once, counting: over the budget or the ratio, the file is rejected. */
  static void checkInflation(byte[] bytes, long maxInflatedBytes, int maxInflateRatio) throws RejectException {
    long limit = Math.min(maxInflatedBytes, (long) bytes.length * maxInflateRatio);
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry entry;
      boolean word = false;
      while ((entry = zip.getNextEntry()) != null) {
        word |= entry.getName().equals("word/document.xml");
        InputStream in = zip;
        int n;
        while ((n = in.read(buffer)) > 0) {
          total += n;
          if (total > limit) {
            throw RejectException.of("decompression_limit", "inflated", total, "limit", limit,
                "packed", bytes.length);
          }
        }
      }
      if (!word) {
        throw RejectException.of("unsupported_format", "form", "zip", "detail", "a zip file that is not a Word (.docx) document");
      }
    } catch (IOException e) {
      throw RejectException.of("read_error", "detail", "a damaged zip (.docx) file: " + e.getMessage());
    }
  }
}
