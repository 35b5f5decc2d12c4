package cn.xxgk.rollup.model;

import java.util.Locale;

/**
 * The closed list of forms a report can arrive in; written to {@code reports.source_form}.
 * README.md documents each.
 */
public enum SourceForm {
  /** Text copied or crawled from the published web page: one table cell per tab-led line. */
  WEB_TEXT("text copied from the web page: one table cell per line, tabs and full-width spaces"),
  /** {@code pdftotext -layout} output of the published PDF: table rows as aligned columns. */
  LAYOUT_TEXT("text extracted from a PDF with its layout kept (pdftotext -layout)"),
  /** Text saved by a web crawler: a section per line, the digits of a table row glued together. */
  CRAWLER_TEXT("text saved by a web crawler: one line per section, a row's digits glued together"),
  /** Markdown from a PDF converter or OCR: pipe tables, often broken into fragments. */
  MARKDOWN("Markdown from a PDF converter or OCR: pipe tables broken into fragments, labels lost"),
  /** Text extracted from a PDF in reading order (pdftotext without -layout): one value per line. */
  PDF_TEXT("text extracted from a PDF in reading order (pdftotext without -layout): one value per line"),
  /** The published web page itself (HTML, often Word-generated, often inside a crawler's wrapper). */
  HTML("the web page (HTML): its tables read as rows and cells"),
  /** The published PDF: its text layer laid out by position, then read as layout text. */
  PDF("the published PDF: its text layer laid out by glyph position and read like pdftotext -layout"),
  /** The Word (.docx) file the report was written in. */
  DOCX("the Word (.docx) file: its tables read as rows and cells"),
  /** A structured submission: long-form CSV with the catalog's codes. */
  CSV("structured submission, CSV: agency_name, year, item, applicant, value"),
  /** A structured submission: JSON nested by table, with the catalog's codes. */
  JSON("structured submission, JSON nested by table");

  private final String description;

  SourceForm(String description) {
    this.description = description;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String description() {
    return description;
  }

  public static SourceForm fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
