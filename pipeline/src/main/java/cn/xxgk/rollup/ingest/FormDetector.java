package cn.xxgk.rollup.ingest;

import cn.xxgk.rollup.ingest.structured.Submissions;
import cn.xxgk.rollup.ingest.text.CellText;
import cn.xxgk.rollup.model.SourceForm;
import java.util.Locale;

/**
 * Tells a report's form from its content, not its file name. Binary containers (PDF, Word, zip)
 * are recognised by their magic bytes; text forms by their structure.
 */
public final class FormDetector {
  /** Lines that start with a tab; copied web tables put one cell on each. */
  private static final int MIN_TAB_LINES_FOR_WEB_TEXT = 20;
  private static final int MIN_NUMBER_LINES_FOR_PDF_TEXT = 30;
  private static final java.util.regex.Pattern MD_SEPARATOR =
      java.util.regex.Pattern.compile("^\\|(\\s*:?-{3,}:?\\s*\\|)+$");
  private static final java.util.regex.Pattern ONE_NUMBER =
      java.util.regex.Pattern.compile("^[0-9０-９][0-9０-９,.]*$");
  private static final String FIRST_ROW = "本年新收政府信息公开申请数量";
  private static final String SECOND_ROW = "上年结转政府信息公开申请数量";

  private FormDetector() {}

  /** The binary container form of the bytes (PDF, Word), or null for text; rejects others. */
  public static SourceForm container(byte[] bytes) throws RejectException {
    if (startsWith(bytes, "%PDF")) {
      return SourceForm.PDF;
    }
    if (startsWith(bytes, "PK\u0003\u0004")) {
      return SourceForm.DOCX; // DocxDocument checks that the zip is a Word document
    }
    if (bytes.length >= 4 && (bytes[0] & 0xff) == 0xD0 && (bytes[1] & 0xff) == 0xCF
        && (bytes[2] & 0xff) == 0x11 && (bytes[3] & 0xff) == 0xE0) {
      throw RejectException.of("unsupported_format", "form", "Word 97-2003 (.doc)", "detail", "convert it to .docx");
    }
    return null;
  }

  /** Classifies decoded text. */
  public static SourceForm detectText(String text) throws RejectException {
    if (Submissions.isJson(text)) {
      return SourceForm.JSON;
    }
    if (Submissions.isCsv(text)) {
      return SourceForm.CSV;
    }
    String head = text.substring(0, Math.min(text.length(), 4096)).toLowerCase(Locale.ROOT);
    if (head.contains("<html") || head.contains("<!doctype html") || head.contains("<table") || head.contains("<body")) {
      return SourceForm.HTML;
    }
    int controls = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        controls++;
      }
    }
    if (controls > 0 && controls * 100 >= text.length()) {
      throw RejectException.of("binary_file", "detail", controls + " control characters in " + text.length());
    }
    int tabLines = 0;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("\t")) {
        tabLines++;
      }
      String compact = CellText.withoutSpaces(line);
      if (compact.contains(FIRST_ROW) && compact.contains(SECOND_ROW)) {
        return SourceForm.CRAWLER_TEXT; // two table rows on one line: the table was flattened
      }
    }
    if (tabLines >= MIN_TAB_LINES_FOR_WEB_TEXT) {
      return SourceForm.WEB_TEXT;
    }
    int pipeRows = 0;
    boolean separator = false;
    int numberLines = 0;
    int lines = 0;
    for (String line : text.split("\n")) {
      String t = line.strip();
      if (t.isEmpty()) {
        continue;
      }
      lines++;
      if (t.startsWith("|") && t.endsWith("|") && t.length() > 1) {
        pipeRows++;
        separator |= MD_SEPARATOR.matcher(t).matches();
      }
      if (ONE_NUMBER.matcher(t).matches()) {
        numberLines++;
      }
    }
    if (pipeRows >= 3 && separator) {
      return SourceForm.MARKDOWN;
    }
    // pdftotext without -layout writes each table cell on a line of its own
    if (numberLines >= MIN_NUMBER_LINES_FOR_PDF_TEXT && numberLines * 4 >= lines) {
      return SourceForm.PDF_TEXT;
    }
    return SourceForm.LAYOUT_TEXT;
  }

  private static boolean startsWith(byte[] bytes, String magic) {
    if (bytes.length < magic.length()) {
      return false;
    }
    for (int i = 0; i < magic.length(); i++) {
      if (bytes[i] != (byte) magic.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
