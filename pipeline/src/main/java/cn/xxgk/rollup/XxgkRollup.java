package cn.xxgk.rollup;

import cn.xxgk.rollup.ingest.InputSpec;
import cn.xxgk.rollup.ingest.MatchInputs;
import cn.xxgk.rollup.ingest.ParseLimits;
import cn.xxgk.rollup.ingest.ParseReports;
import cn.xxgk.rollup.ingest.RejectException;
import cn.xxgk.rollup.ingest.TextDecoder;
import cn.xxgk.rollup.model.Finding;
import cn.xxgk.rollup.model.FindingCoder;
import cn.xxgk.rollup.model.Reject;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.ReportCoder;
import cn.xxgk.rollup.output.FileParts;
import cn.xxgk.rollup.output.Tables;
import cn.xxgk.rollup.output.RowSpec;
import cn.xxgk.rollup.output.TableRowCoder;
import cn.xxgk.rollup.output.WriteTables;
import cn.xxgk.rollup.model.Registry;
import cn.xxgk.rollup.model.Shards;
import cn.xxgk.rollup.rollup.Reconcile;
import cn.xxgk.rollup.rollup.Rollups;
import cn.xxgk.rollup.validate.ChooseVersions;
import cn.xxgk.rollup.validate.GroupFamilies;
import cn.xxgk.rollup.validate.ResolveAgencies;
import org.apache.beam.sdk.transforms.Create;
import cn.xxgk.rollup.validate.Validate;
import cn.xxgk.rollup.validate.Waivers;
import cn.xxgk.rollup.output.Changes;
import cn.xxgk.rollup.output.CsvTables;
import cn.xxgk.rollup.output.Manifest;
import cn.xxgk.rollup.output.OutputTable;
import cn.xxgk.rollup.output.RunFolders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Set;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.Validation;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * xxgk-rollup: reads the annual government-information-disclosure reports of a city's agencies,
 * in whatever form they arrive, and writes one normalized, checked set of tables (Parquet and
 * CSV).
 *
 * <pre>
 * MatchInputs -> ParseReports -+-> reports -> ResolveAgencies -> ChooseVersions -> Reconcile -> Validate -+
 *                              |      +-----------------------------------------------------+
 *                              |      +-> WriteReports (reports, metrics)
 *                              |      +-> CollectFindings (+ stale waivers, missing reports) -> WriteFindings
 *                              |      +-> Rollups -> rollup_city, rollup_category, indicators, rankings
 *                              +-> rejects -> WriteRejects (rejects)
 * </pre>
 *
 * <p>Exit codes: 0 published; 1 the run failed (nothing published); 2 bad options; 3 no input
 * files matched; 5 another run holds the output's lock; 6 published, but --failOnError and a
 * report has an error that is not waived.
 */
public final class XxgkRollup {
  public static final int EXIT_OK = 0;
  public static final int EXIT_RUN_FAILED = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_NO_INPUT = 3;
  public static final int EXIT_LOCKED = 5;
  public static final int EXIT_VALIDATION_ERRORS = 6;
  /** Test seam: fail after the run wrote its folder and before it is published. */
  static final String FAIL_BEFORE_PUBLISH = "xxgk.test.failBeforePublish";

  private XxgkRollup() {}

  /** Command-line options; {@code --help} lists them. */
  public interface Options extends PipelineOptions {
    @Description("Input: a directory (every regular file under it, recursively; hidden files and "
        + "folders skipped) or a glob such as 'reports/*.txt'.")
    @Default.String("input-samples")
    @Validation.Required
    String getInput();

    void setInput(String value);

    @Description("Output directory: csv/<table>.csv and parquet/<table>/ are written under it.")
    @Default.String("output")
    @Validation.Required
    String getOutput();

    void setOutput(String value);

    @Description("Files larger than this many bytes are rejected unread (reason file_too_large).")
    @Default.Long(20L * 1024 * 1024)
    long getMaxFileBytes();

    void setMaxFileBytes(long value);

    @Description("A Word (.docx) file may inflate to at most this many bytes (reason decompression_limit).")
    @Default.Long(100L * 1024 * 1024)
    long getMaxInflatedBytes();

    void setMaxInflatedBytes(long value);

    @Description("A Word (.docx) file may inflate to at most this many times its size (reason decompression_limit).")
    @Default.Integer(200)
    int getMaxInflateRatio();

    void setMaxInflateRatio(int value);

    @Description("A PDF may have at most this many pages.")
    @Default.Integer(200)
    int getMaxPdfPages();

    void setMaxPdfPages(int value);

    @Description("An HTML page may nest container tags (div, span, table …) at most this deep (reason nesting_limit).")
    @Default.Integer(1000)
    int getMaxHtmlDepth();

    void setMaxHtmlDepth(int value);

    @Description("A line of a text file may be at most this many characters (reason text_limit).")
    @Default.Integer(200_000)
    int getMaxLineChars();

    void setMaxLineChars(int value);

    @Description("A document may have at most this many table cells, words and numbers, and a PDF at "
        + "most this many glyphs (reason text_limit).")
    @Default.Integer(500_000)
    int getMaxCells();

    void setMaxCells(int value);

    @Description("Last safety net: a file still parsing after this many seconds is rejected (reason "
        + "parse_timeout); 0 turns it off. The counted limits above bound the work first; this one "
        + "depends on machine load, so it is generous.")
    @Default.Long(300)
    long getParseTimeoutSeconds();

    void setParseTimeoutSeconds(long value);

    @Description("Waivers: a CSV (agency_name,year,rule_id,cells,reason,decided_by; UTF-8 or GBK) of "
        + "findings the office has accepted. They stay in findings, marked waived, and no longer count "
        + "as errors or warnings; a waiver that matches nothing is reported (stale_waiver).")
    String getWaivers();

    void setWaivers(String value);

    @Description("Agency registry: a CSV (agency_id,agency_name,aliases,category,parent_id,is_aggregate; "
        + "UTF-8 or GBK; not read from the input folder). Reports are matched to agencies by name or alias. "
        + "Without it every report is its own agency, category unknown.")
    String getRegistry();

    void setRegistry(String value);

    @Description("Whether reports with validation errors enter the rollups and rankings: include (default; "
        + "their errors are listed in findings) or exclude (counted in reports_excluded, not summed).")
    @Default.String("include")
    String getOnInvalid();

    void setOnInvalid(String value);

    @Description("A rate ranks only agencies whose denominator is at least this many.")
    @Default.Long(Rollups.DEFAULT_MIN_SAMPLE)
    long getMinSample();

    void setMinSample(long value);

    @Description("Shards of the grouping steps, which bound their parallelism; 0 picks 8 on the DirectRunner "
        + "(it copies a shard's state for every bundle that reaches it, so fewer are cheaper there) and 32 on "
        + "other runners. The outputs do not depend on it.")
    @Default.Integer(0)
    int getShards();

    void setShards(int value);

    @Description("The output to compare with for the changes table; default: the output published now.")
    String getPrevious();

    void setPrevious(String value);

    @Description("How many run folders (<output>.runs/) to keep, the published one always included.")
    @Default.Integer(5)
    int getKeepRuns();

    void setKeepRuns(int value);

    @Description("Exit with code 6 after publishing when any report has a validation error that is not waived.")
    @Default.Boolean(false)
    boolean getFailOnError();

    void setFailOnError(boolean value);
  }

  /** Builds the pipeline; separate from {@link #run} so tests can run it on a TestPipeline. */
  public static void build(Pipeline p, Options options) throws IOException {
    InputSpec input = InputSpec.of(options.getInput());
    build(p, options, sourceFiles(input, matchInputs(input)));
  }

  /** Builds the pipeline for the input files the driver matched ({@code sourceFiles}, relative to the input root). */
  static void build(Pipeline p, Options options, List<String> sourceFiles) throws IOException {
    InputSpec input = InputSpec.of(options.getInput());
    String out = options.getOutput();
    Registry registry = readRegistry(options.getRegistry());
    Waivers waivers = readWaivers(options.getWaivers()).withRegistry(registry);
    boolean excludeInvalid = switch (options.getOnInvalid()) {
      case "include" -> false;
      case "exclude" -> true;
      default -> throw new IllegalArgumentException("--onInvalid must be include or exclude, not " + options.getOnInvalid());
    };
    Shards shards = new Shards(options.getShards() > 0 ? options.getShards()
        : options.getRunner().getSimpleName().equals("DirectRunner") ? 8 : 32);

    PCollectionTuple parsed = p
        .apply("MatchInputs", new MatchInputs(input, shards))
        .apply("ParseReports", new ParseReports(input, options.getMaxFileBytes(),
            new ParseLimits(options.getMaxInflatedBytes(), options.getMaxInflateRatio(), options.getMaxPdfPages(),
                options.getMaxHtmlDepth(), options.getMaxLineChars(), options.getMaxCells()),
            java.time.Duration.ofSeconds(options.getParseTimeoutSeconds())));
    PCollection<Reject> rejects = parsed.get(ParseReports.REJECTS);
    PCollectionTuple versions = parsed.get(ParseReports.REPORTS)
        .apply("ResolveAgencies", new ResolveAgencies(registry))
        .apply("GroupFamilies", new GroupFamilies(registry, shards))
        .apply("ChooseVersions", new ChooseVersions());
    PCollectionTuple reconciled = versions.get(ChooseVersions.CURRENT)
        .apply("Reconcile", new Reconcile(registry));
    PCollectionTuple validated = reconciled.get(Reconcile.REPORTS).apply("Validate", new Validate(waivers));
    PCollection<List<Report>> groups = validated.get(Validate.REPORTS);
    PCollection<Report> reports = groups.apply("Ungroup", Flatten.iterables()).setCoder(ReportCoder.of());
    PCollectionTuple rollups = groups.apply("Rollups",
        new Rollups(registry, excludeInvalid, options.getMinSample()));

    PCollection<Finding> findings = PCollectionList.of(reports
            .apply("CollectFindings", FlatMapElements.into(TypeDescriptor.of(Finding.class))
                .via(Report::findings))
            .setCoder(FindingCoder.of()))
        .and(validated.get(Validate.STALE_WAIVERS))
        .and(reconciled.get(Reconcile.MISSING))
        .apply("AllFindings", Flatten.pCollections());

    // the tables sorted by source_file are written in parts of consecutive input files, in
    // parallel, each part by one worker: reports and metrics from one grouping of the reports
    FileParts parts = FileParts.of(sourceFiles, FileParts.FILES_PER_PART);
    reports.apply("WriteReports", WriteTables.inParts(out, r -> parts.of(r.sourceFile()),
        Tables.metricsSpec(), Tables.reportsSpec()));
    rejects.apply("WriteRejects", WriteTables.inParts(out, r -> parts.of(r.sourceFile()), Tables.rejectsSpec()));
    versions.get(ChooseVersions.SUPERSEDED).apply("WriteSuperseded",
        WriteTables.inParts(out, s -> parts.of(s.sourceFile()), Tables.supersededSpec()));
    findings.apply("WriteFindings", WriteTables.inParts(out, f -> parts.of(f.sourceFile()), Tables.findingsSpec()));
    p.apply("Dictionary", Create.of(Tables.dictionaryRows()).withCoder(TableRowCoder.of(Tables.dictionary())))
        .apply("WriteDictionary", WriteTables.to(out, new RowSpec(Tables.dictionary(), List.of("table_name", "position"))));
    rollups.get(Rollups.CITY).apply("WriteRollupCity",
        WriteTables.to(out, new RowSpec(Tables.rollupCity(), List.of("year"))));
    rollups.get(Rollups.CATEGORY).apply("WriteRollupCategory",
        WriteTables.to(out, new RowSpec(Tables.rollupCategory(), List.of("year", "category"))));
    rollups.get(Rollups.INDICATORS).apply("WriteIndicators",
        WriteTables.to(out, new RowSpec(Tables.indicators(), List.of("year", "scope_type", "scope_id"))));
    // rankings are the largest rollup table (a row per agency, indicator and scope): a part per year
    int rankingYear = Tables.rankings().indexOf("year");
    rollups.get(Rollups.RANKINGS).apply("WriteRankings", WriteTables.inParts(out, r -> (Integer) r.get(rankingYear),
        new RowSpec(Tables.rankings(), List.of("year", "scope", "indicator", "rank", "agency_id"))));
  }

  /** Reads --registry in the driver; the steps that match agencies carry it. */
  static Registry readRegistry(String path) throws IOException {
    return path == null || path.isBlank() ? Registry.none() : Registry.parse(path, readText(path));
  }

  /** Reads --waivers in the driver: a small file every worker needs whole. */
  static Waivers readWaivers(String path) throws IOException {
    return path == null || path.isBlank() ? Waivers.none() : Waivers.parse(path, readText(path));
  }

  /** A small side file (waivers, registry) as text, in UTF-8 or GBK. */
  static String readText(String path) throws IOException {
    MatchResult.Metadata m = FileSystems.matchSingleFileSpec(path);
    try (InputStream in = Channels.newInputStream(FileSystems.open(m.resourceId()))) {
      return TextDecoder.decode(in.readAllBytes()).text();
    } catch (RejectException e) {
      throw new IllegalArgumentException(path + ": " + e.toReject(path).messageEn());
    }
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the job; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    PipelineOptionsFactory.register(Options.class);
    if (List.of(args).contains("--help")) {
      // Beam's own --help only lists the registered interfaces; ours describes every option.
      PipelineOptionsFactory.printHelp(out, Options.class);
      return EXIT_OK;
    }
    Options options;
    try {
      options = PipelineOptionsFactory.fromArgs(withFlinkDefaults(args)).withValidation().as(Options.class);
    } catch (IllegalArgumentException e) {
      err.println("xxgk-rollup: " + e.getMessage());
      err.println("Run with --help=XxgkRollup$Options for the options.");
      return EXIT_USAGE;
    }
    if (List.of(args).stream().noneMatch(a -> a.startsWith("--enforceImmutability") || a.startsWith("--enforceEncodability"))) {
      // The DirectRunner re-encodes every element to check that no step mutates its input or
      // emits what its coder cannot encode: checks for developing a pipeline, which the tests
      // keep (TestPipeline). A production run skips them unless asked; they doubled its time.
      DirectOptions direct = options.as(DirectOptions.class);
      direct.setEnforceImmutability(false);
      direct.setEnforceEncodability(false);
    }
    FileSystems.setDefaultPipelineOptions(options);
    InputSpec input = InputSpec.of(options.getInput());
    Instant started = Instant.now();
    String published = options.getOutput();
    try {
      // matched once here: the file ranges of the tables, the count and the manifest's hashes
      List<MatchResult.Metadata> matched = matchInputs(input);
      if (matched.isEmpty()) {
        err.println("xxgk-rollup: no input files match " + options.getInput() + "; nothing was written.");
        return EXIT_NO_INPUT;
      }
      Map<String, Object> optionValues = optionValues(options);
      try (RunFolders folders = RunFolders.lock(Path.of(published))) {
        Path previous = options.getPrevious() != null ? Path.of(options.getPrevious()) : folders.published();
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started)
            + "-" + HexFormat.of().formatHex(ByteBuffer.allocate(4).putInt(new SecureRandom().nextInt()).array());
        Path runDir = folders.newRun(runId);
        options.setOutput(runDir.toString());
        Pipeline p = Pipeline.create(options);
        try {
          build(p, options, sourceFiles(input, matched));
        } catch (IllegalArgumentException | IOException e) {
          err.println("xxgk-rollup: " + e.getMessage());
          return EXIT_USAGE;
        }
        // the manifest's hashes are computed while the pipeline runs: a serial second read of
        // every input after it (a second at 20,000 files) overlaps its start-up instead
        CompletableFuture<List<Manifest.Input>> hashes = hashInputsInBackground(input, matched);
        matched = null; // held by the hashing thread until it is done, not while the pipeline runs
        PipelineResult result = p.run();
        result.waitUntilFinish();
        if (Boolean.getBoolean(FAIL_BEFORE_PUBLISH)) {
          throw new IOException("failure injected before publishing (" + FAIL_BEFORE_PUBLISH + ")");
        }
        List<Changes.Change> changes = Changes.compute(previous, runDir);
        Tables.writeChanges(changes, runDir.toString());
        List<String> tables = Tables.all().stream().map(OutputTable::name).toList();
        Manifest.write(runDir, runId, started, Instant.now(), optionValues, hashes.join(), tables, changes.size());
        folders.publish(runDir);
        folders.prune(options.getKeepRuns());
        options.setOutput(published);
        printSummary(result, options, out);
        Set<String> changed = Changes.agencies(changes);
        if (previous != null) {
          out.println("  changes since the previous output: " + changes.size()
              + (changed.isEmpty() ? "" : "; figures changed for " + String.join("、", changed)));
        }
        if (options.getFailOnError() && CsvTables.read(runDir, "reports").stream()
            .anyMatch(r -> !"0".equals(r.get("error_count")))) {
          err.println("xxgk-rollup: published, but reports have validation errors (--failOnError); see findings.");
          return EXIT_VALIDATION_ERRORS;
        }
      }
      return EXIT_OK;
    } catch (RunFolders.LockedException e) {
      err.println("xxgk-rollup: " + e.getMessage());
      return EXIT_LOCKED;
    } catch (Exception e) {
      err.println("xxgk-rollup: the run failed, nothing was published: " + e);
      return EXIT_RUN_FAILED;
    }
  }

  /**
   * Two defaults of Beam's Flink runner that cost this pipeline most of its speed, changed unless
   * the command line sets them. An embedded Flink ({@code --flinkMaster=[local]}) runs every step
   * with parallelism 1 when none is configured (Beam logs a warning): one core of the machine.
   * And Flink deep-copies each element through its coder between fused steps; this pipeline's
   * steps never mutate their inputs (the tests' DirectRunner checks it), so {@code --fasterCopy}
   * is safe. A cluster's own parallelism ({@code flink run}, {@code --flinkMaster=host:port}) is
   * left to the cluster.
   */
  static String[] withFlinkDefaults(String[] args) {
    List<String> a = new ArrayList<>(List.of(args));
    if (a.stream().noneMatch(x -> x.startsWith("--runner=") && x.endsWith("FlinkRunner"))) {
      return args;
    }
    if (a.contains("--flinkMaster=[local]") && a.stream().noneMatch(x -> x.startsWith("--parallelism"))) {
      a.add("--parallelism=" + Runtime.getRuntime().availableProcessors());
    }
    if (a.stream().noneMatch(x -> x.startsWith("--fasterCopy"))) {
      a.add("--fasterCopy=true");
    }
    return a.toArray(String[]::new);
  }

  /** The options as given and defaulted, for the manifest. */
  private static Map<String, Object> optionValues(Options o) {
    Map<String, Object> m = new TreeMap<>();
    m.put("input", o.getInput());
    m.put("output", o.getOutput());
    m.put("runner", o.getRunner().getSimpleName());
    m.put("registry", o.getRegistry());
    m.put("waivers", o.getWaivers());
    m.put("onInvalid", o.getOnInvalid());
    m.put("minSample", o.getMinSample());
    m.put("shards", o.getShards());
    m.put("maxFileBytes", o.getMaxFileBytes());
    m.put("maxInflatedBytes", o.getMaxInflatedBytes());
    m.put("maxInflateRatio", o.getMaxInflateRatio());
    m.put("maxPdfPages", o.getMaxPdfPages());
    m.put("maxHtmlDepth", o.getMaxHtmlDepth());
    m.put("maxLineChars", o.getMaxLineChars());
    m.put("maxCells", o.getMaxCells());
    m.put("previous", o.getPrevious());
    m.put("keepRuns", o.getKeepRuns());
    m.put("failOnError", o.getFailOnError());
    return m;
  }

  /** {@link #hashInputs} on a thread of its own (a daemon: a failed run does not wait for it). */
  private static CompletableFuture<List<Manifest.Input>> hashInputsInBackground(InputSpec input,
      List<MatchResult.Metadata> matched) {
    CompletableFuture<List<Manifest.Input>> hashes = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        hashes.complete(hashInputs(input, matched));
      } catch (Throwable e) { // also an Error: the driver must not wait forever for the hashes
        hashes.completeExceptionally(e);
      }
    }, "xxgk-manifest-hashes");
    t.setDaemon(true);
    t.start();
    return hashes;
  }

  /** Every input file with its size and SHA-256, for the manifest. */
  private static List<Manifest.Input> hashInputs(InputSpec input, List<MatchResult.Metadata> matched)
      throws IOException {
    List<Manifest.Input> out = new ArrayList<>();
    for (MatchResult.Metadata m : matched) {
      if (m.resourceId().isDirectory()) {
        continue;
      }
      try (InputStream in = Channels.newInputStream(FileSystems.open(m.resourceId()))) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[64 * 1024];
        long size = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
          sha.update(buf, 0, n);
          size += n;
        }
        out.add(new Manifest.Input(input.relativize(m.resourceId().toString()), size,
            HexFormat.of().formatHex(sha.digest())));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    out.sort(java.util.Comparator.comparing(Manifest.Input::sourceFile));
    return out;
  }

  /** The source_file of every matched file (relative to the input root), as MatchInputs names them. */
  private static List<String> sourceFiles(InputSpec input, List<MatchResult.Metadata> matched) {
    return matched.stream().map(m -> input.relativize(m.resourceId().toString())).toList();
  }

  /** What --input matches in the driver, hidden files and folders left out, as MatchInputs does. */
  private static List<MatchResult.Metadata> matchInputs(InputSpec input) throws IOException {
    List<MatchResult.Metadata> files = new ArrayList<>();
    for (MatchResult r : FileSystems.match(List.of(input.pattern()), EmptyMatchTreatment.ALLOW)) {
      if (r.status() != MatchResult.Status.OK) {
        continue;
      }
      for (MatchResult.Metadata m : r.metadata()) {
        if (!InputSpec.isHidden(input.relativize(m.resourceId().toString()))) {
          files.add(m);
        }
      }
    }
    return files;
  }

  /** Prints files read, parsed and rejected (by reason), from the counters the steps kept. */
  static void printSummary(PipelineResult result, Options options, PrintStream out) {
    MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder().build());
    long parsed = 0;
    long superseded = 0;
    Map<String, Long> rejected = new TreeMap<>();
    Map<String, Long> rows = new TreeMap<>();
    for (MetricResult<Long> c : metrics.getCounters()) {
      String ns = c.getName().getNamespace();
      String name = c.getName().getName();
      long v = c.getAttempted();
      switch (ns) {
        case "xxgk" -> {
          parsed += name.equals("reports_parsed") ? v : 0;
          superseded += name.equals("reports_superseded") ? v : 0;
        }
        case "xxgk.rejected" -> rejected.merge(name, v, Long::sum);
        case "xxgk.rows" -> rows.merge(name, v, Long::sum);
        default -> { }
      }
    }
    long rejectedTotal = rejected.values().stream().mapToLong(Long::longValue).sum();
    out.printf("xxgk-rollup: %d files read, %d parsed, %d rejected; %d current reports, %d superseded by a later version%n",
        parsed + rejectedTotal, parsed, rejectedTotal, parsed - superseded, superseded);
    rejected.forEach((reason, n) -> out.printf("  rejected %-28s %d%n", reason, n));
    out.printf("  tables written to %s: %s%n", options.getOutput(), rows);
  }
}
