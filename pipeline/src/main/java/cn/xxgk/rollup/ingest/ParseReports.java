package cn.xxgk.rollup.ingest;

import cn.xxgk.rollup.model.Provenance;
import cn.xxgk.rollup.model.Reject;
import cn.xxgk.rollup.model.RejectCoder;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.ReportCoder;
import cn.xxgk.rollup.model.TemplateCatalog;
import java.io.IOException;
import java.time.Duration;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads each matched file and parses it into a {@link Report}; every file that cannot become a
 * report goes to the {@link #REJECTS} output with a reason, never an exception that stops the
 * run. Files over the size limit are rejected unread.
 */
public final class ParseReports extends PTransform<PCollection<FileIO.ReadableFile>, PCollectionTuple> {
  public static final TupleTag<Report> REPORTS = new TupleTag<>() {};
  public static final TupleTag<Reject> REJECTS = new TupleTag<>() {};

  private final InputSpec input;
  private final long maxFileBytes;
  private final ParseLimits limits;
  private final Duration parseTimeout;

  public ParseReports(InputSpec input, long maxFileBytes) {
    this(input, maxFileBytes, ParseLimits.DEFAULT, Duration.ZERO);
  }

  /** @param parseTimeout the wall-clock safety net per file ({@link ParseDeadline}); zero for none */
  public ParseReports(InputSpec input, long maxFileBytes, ParseLimits limits, Duration parseTimeout) {
    this.input = input;
    this.maxFileBytes = maxFileBytes;
    this.limits = limits;
    this.parseTimeout = parseTimeout;
  }

  @Override
  public PCollectionTuple expand(PCollection<FileIO.ReadableFile> files) {
    PCollectionTuple out = files.apply("ReadAndParse",
        ParDo.of(new ParseFn(input, maxFileBytes, limits, parseTimeout)).withOutputTags(REPORTS, TupleTagList.of(REJECTS)));
    out.get(REPORTS).setCoder(ReportCoder.of());
    out.get(REJECTS).setCoder(RejectCoder.of());
    return out;
  }

  /** The parsed report with where it came from: its bytes' hash and size, the file's time and revision. */
  public static Report withProvenance(Report report, byte[] bytes, long lastModifiedMillis) {
    Integer revision = report.provenance().revision() != null
        ? report.provenance().revision() : Provenance.revisionOf(report.sourceFile());
    return report.withProvenance(new Provenance(ParseFn.sha256(bytes), bytes.length, lastModifiedMillis, revision));
  }

  static final class ParseFn extends DoFn<FileIO.ReadableFile, Report> {
    private final InputSpec input;
    private final long maxFileBytes;
    private final ParseLimits limits;
    private final Duration parseTimeout;
    private final Counter parsed = Metrics.counter("xxgk", "reports_parsed");
    private transient ReportParser parser;
    private transient ParseDeadline deadline;

    ParseFn(InputSpec input, long maxFileBytes, ParseLimits limits, Duration parseTimeout) {
      this.input = input;
      this.maxFileBytes = maxFileBytes;
      this.limits = limits;
      this.parseTimeout = parseTimeout;
    }

    @Setup
    public void setup() {
      parser = new ReportParser(TemplateCatalog.get(), limits);
      deadline = new ParseDeadline(parseTimeout);
    }

    @Teardown
    public void teardown() {
      if (deadline != null) {
        deadline.close();
      }
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      MatchResult.Metadata meta = file.getMetadata();
      String sourceFile = input.relativize(meta.resourceId().toString());
      try {
        if (meta.sizeBytes() > maxFileBytes) {
          throw RejectException.of("file_too_large", "size", meta.sizeBytes(), "limit", maxFileBytes);
        }
        byte[] bytes;
        try {
          bytes = file.readFullyAsBytes();
        } catch (IOException e) {
          throw RejectException.of("read_error", "detail", String.valueOf(e.getMessage()));
        }
        Report report = deadline.call(() -> parser.parse(sourceFile, bytes));
        out.get(REPORTS).output(withProvenance(report, bytes, meta.lastModifiedMillis()));
        parsed.inc();
      } catch (RejectException e) {
        reject(out, e.toReject(sourceFile));
      } catch (RuntimeException | StackOverflowError e) {
        // A parser bug must cost one file, not the run; the reject names it for the maintainers.
        reject(out, Reject.of(sourceFile, "internal_error", java.util.Map.of("detail", e.toString())));
      }
    }

    static String sha256(byte[] bytes) {
      try {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    private static void reject(MultiOutputReceiver out, Reject r) {
      Metrics.counter("xxgk.rejected", r.reasonCode()).inc();
      out.get(REJECTS).output(r);
    }
  }
}
