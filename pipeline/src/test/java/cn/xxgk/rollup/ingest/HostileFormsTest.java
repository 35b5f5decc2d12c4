package cn.xxgk.rollup.ingest;

import cn.xxgk.rollup.synthetic.Renderers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xxgk.rollup.Samples;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.TemplateCatalog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files built to hurt: each is rejected with its reason after a bounded amount of work. */
class HostileFormsTest {
  private final ReportParser parser = new ReportParser(TemplateCatalog.get(),
      new ParseLimits(10L * 1024 * 1024, 100, 50, 200, 5000, 20_000));

  @Test
  void aZipBombIsRejectedWithTheLimitNamed() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 64; i++) {
        zip.write(zeros); // 64 MB of zeros packs into a few tens of kilobytes
      }
      zip.closeEntry();
    }
    RejectException e = assertThrows(RejectException.class, () -> parser.parse("bomb.docx", bytes.toByteArray()));
    assertEquals("decompression_limit", e.reasonCode());
    assertTrue(e.toReject("bomb.docx").messageEn().contains("--maxInflatedBytes"), e.toReject("bomb.docx").messageEn());
  }

  @Test
  void aWordFileCannotPullInALocalFileThroughAnExternalEntity(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    Report original = parser.parse("a.txt", Samples.bytes("2024_huaian_city_gov_pdf-layout.txt"));
    byte[] docx = rewriteEntry(Renderers.docx(original), "word/document.xml", xml -> xml
        .replaceFirst("<\\?xml[^>]*\\?>", "$0<!DOCTYPE d [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>")
        .replaceFirst(original.agencyName(), "&xxe;" + original.agencyName()));
    try {
      Report r = parser.parse("xxe.docx", docx);
      assertFalse(r.agencyName().contains("TOP-SECRET"), r.agencyName());
      assertFalse(r.toString().contains("TOP-SECRET"));
    } catch (RejectException e) {
      assertFalse(e.toReject("xxe.docx").messageZh().contains("TOP-SECRET"), e.toReject("xxe.docx").messageZh());
    }
  }

  @Test
  void deeplyNestedHtmlIsRejectedBeforeATreeIsBuilt() {
    String html = "<html><body>\n" + "<div>\n".repeat(1_000_000) + "淮安市人民政府2024年政府信息公开工作年度报告</body></html>";
    RejectException e = assertThrows(RejectException.class, () -> parser.parse("deep.html", html.getBytes(StandardCharsets.UTF_8)));
    assertEquals("nesting_limit", e.reasonCode());
    assertEquals("HTML页面的标签嵌套超过200层（--maxHtmlDepth），不像正常的报告页面，未解析。", e.toReject("deep.html").messageZh());
  }

  @Test
  void overlongLinesAndTooManyCellsAreRejectedWithTheLimitNamed() {
    String longLine = "淮安市人民政府2024年政府信息公开工作年度报告\n" + "数".repeat(6000) + "\n";
    RejectException e = assertThrows(RejectException.class, () -> parser.parse("l.txt", longLine.getBytes(StandardCharsets.UTF_8)));
    assertEquals("text_limit", e.reasonCode());
    assertEquals("文件中有一行6000个字符，超过上限5000（--maxLineChars），不像正常的报告，未解析。", e.toReject("l.txt").messageZh());
    String manyCells = "淮安市人民政府2024年政府信息公开工作年度报告\n" + "1 2 3 4 5 6 7 8 9 10\n".repeat(2500);
    e = assertThrows(RejectException.class, () -> parser.parse("c.txt", manyCells.getBytes(StandardCharsets.UTF_8)));
    assertEquals("text_limit", e.reasonCode());
    assertTrue(e.toReject("c.txt").messageEn().contains("--maxCells"), e.toReject("c.txt").messageEn());
  }

  @Test
  void aScannedPdfWithoutTextIsRejected() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      doc.save(bytes);
    }
    assertEquals("no_text_layer", assertThrows(RejectException.class,
        () -> parser.parse("scan.pdf", bytes.toByteArray())).reasonCode());
  }

  @Test
  void aGlyphPlacedFarAwayInAPdfCostsABoundedGap() throws Exception {
    // found by the fuzzer: a flipped byte put a glyph ~1e10 points away; the gap overflowed an int
    byte[] pdf = onePagePdf(text -> {
      text.showText("ABCDEFGHIJKLMNOPQRSTUVWXY");
      text.newLineAtOffset(1e10f, 0);
      text.showText("Z");
    });
    String layout = cn.xxgk.rollup.ingest.pdf.PdfLayoutText.extract(pdf, 10, 1000);
    assertEquals("ABCDEFGHIJKLMNOPQRSTUVWXY" + " ".repeat(200) + "Z\n\f", layout);
  }

  @Test
  void aPdfThatDrawsMoreGlyphsThanTheLimitIsRejectedWhileReading() throws Exception {
    byte[] pdf = onePagePdf(text -> {
      for (int i = 0; i < 600; i++) {
        text.showText("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"); // 21,600 glyphs on one line
      }
    });
    RejectException e = assertThrows(RejectException.class, () -> parser.parse("many.pdf", pdf));
    assertEquals("text_limit", e.reasonCode());
    assertEquals("超过20000个字符（PDF）", e.params().get("what"));
    assertTrue(e.toReject("many.pdf").messageZh().contains("--maxCells"));
  }

  @Test
  void aZipThatIsNotAWordFileIsRejected() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("photos/1.jpg"));
      zip.write(new byte[] {1, 2, 3});
      zip.closeEntry();
    }
    assertEquals("unsupported_format", assertThrows(RejectException.class,
        () -> parser.parse("x.zip", bytes.toByteArray())).reasonCode());
  }

  /** A copy of a zip with one entry's text rewritten. */
  static byte[] rewriteEntry(byte[] zipBytes, String name, java.util.function.UnaryOperator<String> edit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        byte[] content = in.readAllBytes();
        if (e.getName().equals(name)) {
          content = edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(content);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** Text drawn on a page, from (50, 700) in 12 pt Helvetica. */
  private interface PageText {
    void draw(PDPageContentStream text) throws IOException;
  }

  private static byte[] onePagePdf(PageText body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
        text.beginText();
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        text.newLineAtOffset(50, 700);
        body.draw(text);
        text.endText();
      }
      doc.save(bytes);
    }
    return bytes.toByteArray();
  }
}
