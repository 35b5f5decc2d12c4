package cn.xxgk.rollup.ingest;

import cn.xxgk.rollup.ingest.docx.DocxDocument;
import cn.xxgk.rollup.ingest.html.HtmlDocument;
import cn.xxgk.rollup.ingest.pdf.PdfLayoutText;
import cn.xxgk.rollup.ingest.structured.Submissions;
import cn.xxgk.rollup.ingest.text.CellText;
import cn.xxgk.rollup.ingest.text.GluedTableReader;
import cn.xxgk.rollup.ingest.text.HeaderReader;
import cn.xxgk.rollup.ingest.text.Lexers;
import cn.xxgk.rollup.ingest.text.TableReader;
import cn.xxgk.rollup.ingest.text.TableSource;
import cn.xxgk.rollup.model.Identities;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.SourceForm;
import cn.xxgk.rollup.model.TemplateCatalog;
import cn.xxgk.rollup.ingest.text.TextLine;
import java.util.List;
import java.util.Map;

/**
 * Turns the bytes of one input file into one normalized {@link Report}, or says why it cannot
 * ({@link RejectException}). Detects the encoding and the form by content, then reads the header
 * and the three tables through the template catalog.
 */
public final class ReportParser {
  private static final int MIN_PLAUSIBLE_YEAR = 2000;
  /** Reports for 2019 onwards follow a national template (2019, then 2021). */
  private static final int FIRST_TEMPLATE_YEAR = 2019;
  private static final int MAX_PLAUSIBLE_YEAR = 2100;
  private final TemplateCatalog catalog;
  private final ParseLimits limits;

  public ReportParser(TemplateCatalog catalog) {
    this(catalog, ParseLimits.DEFAULT);
  }

  public ReportParser(TemplateCatalog catalog, ParseLimits limits) {
    this.catalog = catalog;
    this.limits = limits;
  }

  /**
   * A file read in its form: its text (for the header and narrative) and where its tables are;
   * or, for a structured submission, the report it already is.
   */
  private record SourceDocument(SourceForm form, String text, TableSource tables, Report submission) {
    SourceDocument(SourceForm form, String text, TableSource tables) {
      this(form, text, tables, null);
    }
  }

  /** A line longer than the limit is not a report's: reject before any parsing. */
  private void checkLines(String text) throws RejectException {
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      int len = (end < 0 ? text.length() : end) - start;
      if (len > limits.maxLineChars()) {
        throw RejectException.of("text_limit", "what", "一行" + len + "个字符", "what_en", "a line of " + len + " characters",
            "limit", limits.maxLineChars(), "option", "--maxLineChars");
      }
      if (end < 0) {
        break;
      }
      start = end + 1;
    }
  }

  private void checkCells(List<TextLine> lines) throws RejectException {
    long cells = 0;
    for (TextLine l : lines) {
      cells += l.cells().size();
    }
    if (cells > limits.maxCells()) {
      throw RejectException.of("text_limit", "what", cells + "个单元格", "what_en", cells + " cells",
          "limit", limits.maxCells(), "option", "--maxCells");
    }
  }

  /** Reads the file in the form its content shows. */
  private SourceDocument read(String sourceFile, byte[] bytes) throws RejectException {
    SourceForm container = FormDetector.container(bytes);
    if (container == SourceForm.PDF) {
      String layout = PdfLayoutText.extract(bytes, limits.maxPdfPages(), limits.maxCells());
      return new SourceDocument(container, layout,
          new TableReader(catalog, Identities.get(), container, Lexers.lex(container, layout)));
    }
    if (container == SourceForm.DOCX) {
      DocxDocument docx = DocxDocument.parse(bytes, limits.maxInflatedBytes(), limits.maxInflateRatio());
      return new SourceDocument(container, docx.text(),
          new TableReader(catalog, Identities.get(), container, docx.lines()));
    }
    String text = TextDecoder.decode(bytes).text();
    checkLines(text);
    SourceForm form = FormDetector.detectText(text);
    return switch (form) {
      case CSV -> new SourceDocument(form, text, null, Submissions.parseCsv(sourceFile, text, catalog));
      case JSON -> new SourceDocument(form, text, null, Submissions.parseJson(sourceFile, text, catalog));
      case CRAWLER_TEXT -> new SourceDocument(form, text, new GluedTableReader(catalog, Identities.get(), text));
      case HTML -> {
        HtmlDocument html = HtmlDocument.parse(text, limits.maxHtmlDepth());
        checkCells(html.lines());
        yield new SourceDocument(form, html.text(), new TableReader(catalog, Identities.get(), form, html.lines()));
      }
      default -> {
        List<TextLine> lines = Lexers.lex(form, text);
        checkCells(lines);
        yield new SourceDocument(form, text, new TableReader(catalog, Identities.get(), form, lines));
      }
    };
  }

  public Report parse(String sourceFile, byte[] bytes) throws RejectException {
    if (bytes.length == 0) {
      throw RejectException.of("empty_file");
    }
    SourceDocument doc = read(sourceFile, bytes);
    if (doc.submission() != null) {
      return doc.submission();
    }
    SourceForm form = doc.form();
    String text = doc.text();
    TableSource reader = doc.tables();

    HeaderReader.Header header = HeaderReader.read(text);
    rejectPre2019(text, header);
    Map<Integer, TableSource.Region> regions;
    try {
      regions = reader.locate();
    } catch (RejectException noTables) {
      if (header.titleYear() == null) {
        throw RejectException.of("not_an_annual_report", "detail",
            "no title \"XXXX年政府信息公开工作年度报告\" and " + noTables.getMessage());
      }
      throw noTables;
    }
    Integer year = header.year();
    if (year == null || year < MIN_PLAUSIBLE_YEAR || year > MAX_PLAUSIBLE_YEAR) {
      throw RejectException.of("year_not_found");
    }
    if (header.agencyName() == null) {
      throw RejectException.of("agency_not_found");
    }

    ReportDraft draft = new ReportDraft(sourceFile, header.agencyName(), year, header.periodYear());
    draft.narrative(reader.narrative(regions));
    TemplateCatalog.OlderTemplate older = olderTemplate(reader, regions.get(2));
    if (older != null) {
      draft.templateVersion(older.version());
    }
    for (TemplateCatalog.Table table : catalog.tables()) {
      TableSource.Region region = regions.get(table.number());
      if (older != null && older.tablesAbsent().contains(table.number())) {
        for (TemplateCatalog.Row row : table.rows()) {
          row.cells().forEach(draft::setAbsent);
        }
        continue;
      }
      String missing = reader.missing(region, table.headerTerms());
      if (missing != null) {
        throw RejectException.of("table_header_not_recognised", "table", ReportDraft.shortName(table), "missing", missing);
      }
      try {
        reader.read(table, region, draft);
      } catch (RejectException e) {
        if (form != SourceForm.PDF_TEXT || e.reasonCode().equals("layout_not_recoverable")) {
          throw e;
        }
        // reading-order text keeps no rows: where the rows cannot be told apart, say so
        throw RejectException.of("layout_not_recoverable", "table", ReportDraft.shortName(table),
            "detail", "PDF文本按阅读顺序排列（非 -layout），表格各列被拆散（"
                + e.toReject(sourceFile).messageZh().replaceAll("。$", "") + "）");
      }
    }
    draft.inferZeroBlanks(Identities.get());
    return draft.build(form);
  }

  /**
   * Reports before the 2019 template have a free-form 统计表 (指标名称 / 计量单位) that does not map
   * onto the template's cells.
   */
  private static void rejectPre2019(String text, HeaderReader.Header header) throws RejectException {
    String compact = CellText.withoutSpaces(text);
    if (compact.contains("指标名称") && compact.contains("计量单位")) {
      throw RejectException.of("pre_2019_format", "detail", "统计表为“指标名称/计量单位”格式");
    }
    if (header.titleYear() != null && header.titleYear() < FIRST_TEMPLATE_YEAR) {
      throw RejectException.of("pre_2019_format", "detail", "标题年度为" + header.titleYear() + "年");
    }
  }

  private TemplateCatalog.OlderTemplate olderTemplate(TableSource reader, TableSource.Region table2) {
    for (TemplateCatalog.OlderTemplate t : catalog.olderTemplates()) {
      if (reader.containsAny(table2, t.markers())) {
        return t;
      }
    }
    return null;
  }
}
