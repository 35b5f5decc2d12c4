package cn.xxgk.rollup.validate;

import cn.xxgk.rollup.model.Finding;
import cn.xxgk.rollup.model.Provenance;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.Superseded;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Keeps the latest version of each agency-year report, in each group of {@link GroupFamilies}
 * (every version of an agency-year is in one group). Versions are ordered by, in turn: the
 * explicit revision (a {@code .r2} file-name suffix or a submission's revision; none counts as
 * lowest), whether the file is under a {@code corrections/} folder (after the others), the file's
 * modification time, and its path, so the order is always total. The others go to
 * {@link #SUPERSEDED} with the reason. Files that claim the same explicit revision with different
 * content raise {@code conflicting_versions} on the chosen one; the order still decides.
 */
public final class ChooseVersions extends PTransform<PCollection<List<Report>>, PCollectionTuple> {
  /** Each group with only the chosen version of each agency-year report. */
  public static final TupleTag<List<Report>> CURRENT = new TupleTag<>() {};
  public static final TupleTag<Superseded> SUPERSEDED = new TupleTag<>() {};

  /** Oldest first. */
  public static final Comparator<Report> VERSION_ORDER = Comparator
      .comparing((Report r) -> r.provenance().revision(), Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(r -> Provenance.inCorrections(r.sourceFile()))
      .thenComparingLong(r -> r.provenance().lastModifiedMillis())
      .thenComparing(Report::sourceFile);

  @Override
  public PCollectionTuple expand(PCollection<List<Report>> groups) {
    PCollectionTuple out = groups
        .apply("KeepLatest", ParDo.of(new ChooseFn()).withOutputTags(CURRENT, TupleTagList.of(SUPERSEDED)));
    out.get(CURRENT).setCoder(GroupFamilies.GROUP_CODER);
    out.get(SUPERSEDED).setCoder(new Superseded.Coder());
    return out;
  }

  /** The reports that are versions of one another: one agency, one year. */
  static String versionKey(Report r) {
    return r.agencyId() + "|" + r.year();
  }

  static final class ChooseFn extends DoFn<List<Report>, List<Report>> {
    @ProcessElement
    public void process(@Element List<Report> group, MultiOutputReceiver out) {
      out.get(CURRENT).output(chooseLatest(group, s -> {
        out.get(SUPERSEDED).output(s);
        Metrics.counter("xxgk", "reports_superseded").inc();
      }));
    }
  }

  /**
   * The chosen version of each agency-year report of a group, in {@link GroupFamilies#GROUP_ORDER};
   * every other version goes to {@code superseded}.
   */
  public static List<Report> chooseLatest(List<Report> group, Consumer<Superseded> superseded) {
    Map<String, List<Report>> byKey = new java.util.TreeMap<>();
    group.forEach(r -> byKey.computeIfAbsent(versionKey(r), k -> new ArrayList<>()).add(r));
    List<Report> current = new ArrayList<>(byKey.size());
    byKey.values().forEach(versions -> current.add(choose(versions, superseded)));
    current.sort(GroupFamilies.GROUP_ORDER);
    return current;
  }

  /** Reports the superseded versions and returns the chosen one. */
  private static Report choose(List<Report> all, Consumer<Superseded> superseded) {
    all.sort(VERSION_ORDER);
    Report latest = all.get(all.size() - 1);
    List<Finding> conflicts = new ArrayList<>();
    for (Report older : all.subList(0, all.size() - 1)) {
      superseded.accept(new Superseded(older.sourceFile(), older.agencyId(), older.agencyName(),
          older.year(), latest.sourceFile(), reason(older, latest)));
    }
    Map<Integer, List<Report>> byRevision = new LinkedHashMap<>();
    for (Report r : all) {
      if (r.provenance().revision() != null) {
        byRevision.computeIfAbsent(r.provenance().revision(), k -> new ArrayList<>()).add(r);
      }
    }
    for (Map.Entry<Integer, List<Report>> e : byRevision.entrySet()) {
      long distinct = e.getValue().stream().map(r -> r.provenance().sha256()).distinct().count();
      if (distinct > 1) {
        List<String> files = e.getValue().stream().map(Report::sourceFile).sorted().toList();
        conflicts.add(Finding.of(latest.sourceFile(), latest.agencyName(), latest.year(), "conflicting_versions", "",
            null, null, Map.of("revision", e.getKey(), "files", String.join("、", files),
                "chosen", latest.sourceFile())));
      }
    }
    if (conflicts.isEmpty()) {
      return latest;
    }
    List<Finding> findings = new ArrayList<>(latest.findings());
    findings.addAll(conflicts);
    return latest.withFindings(findings);
  }

  /** Why {@code older} lost to {@code latest}: the first criterion of the order that differs. */
  static String reason(Report older, Report latest) {
    Integer a = older.provenance().revision();
    Integer b = latest.provenance().revision();
    if (!java.util.Objects.equals(a, b)) {
      return "revision " + (a == null ? "none" : a) + " < revision " + b;
    }
    if (Provenance.inCorrections(older.sourceFile()) != Provenance.inCorrections(latest.sourceFile())) {
      return "the later file is in corrections/";
    }
    if (older.provenance().sha256().equals(latest.provenance().sha256())) {
      return "same content as the later file";
    }
    if (older.provenance().lastModifiedMillis() != latest.provenance().lastModifiedMillis()) {
      return "the later file was modified more recently";
    }
    return "same revision, folder and time: the later path wins";
  }
}
