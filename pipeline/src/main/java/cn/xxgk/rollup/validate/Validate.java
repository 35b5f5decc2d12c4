package cn.xxgk.rollup.validate;


import cn.xxgk.rollup.model.Finding;
import cn.xxgk.rollup.model.FindingCoder;
import cn.xxgk.rollup.model.Identities;
import cn.xxgk.rollup.model.Narrative;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.TemplateCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Checks every report of each group of {@link GroupFamilies} (which holds all years of an agency):
 * its own arithmetic, year and narrative, and against the same agency's report of the previous
 * year; then marks the findings the office has waived. Outputs the
 * reports with all their findings ({@link #REPORTS}) and the findings of waivers that matched
 * nothing ({@link #STALE_WAIVERS}).
 */
public final class Validate extends PTransform<PCollection<List<Report>>, PCollectionTuple> {
  /** Each group with every report's findings. */
  public static final TupleTag<List<Report>> REPORTS = new TupleTag<>() {};
  public static final TupleTag<Finding> STALE_WAIVERS = new TupleTag<>() {};
  private static final TupleTag<Integer> MATCHED = new TupleTag<>() {};

  private final Waivers waivers;

  public Validate(Waivers waivers) {
    this.waivers = waivers;
  }

  @Override
  public PCollectionTuple expand(PCollection<List<Report>> groups) {
    PCollectionTuple checked = groups
        .apply("CheckAgency", ParDo.of(new CheckAgencyFn(waivers))
            .withOutputTags(REPORTS, TupleTagList.of(MATCHED)));
    checked.get(REPORTS).setCoder(GroupFamilies.GROUP_CODER);
    PCollectionView<List<Integer>> matched = checked.get(MATCHED).setCoder(VarIntCoder.of())
        .apply("DistinctMatchedWaivers", Distinct.create())
        .apply("AsList", View.asList());
    PCollection<Finding> stale = groups.getPipeline()
        .apply("Once", Create.of(0).withCoder(VarIntCoder.of()))
        .apply("StaleWaivers", ParDo.of(new StaleFn(waivers, matched)).withSideInputs(matched))
        .setCoder(FindingCoder.of());
    return PCollectionTuple.of(REPORTS, checked.get(REPORTS)).and(STALE_WAIVERS, stale);
  }

  /** All checks of each agency's reports in a group of {@link GroupFamilies}, in year order. */
  static final class CheckAgencyFn extends DoFn<List<Report>, List<Report>> {
    private final Waivers waivers;
    private transient ReportChecks single;
    private transient CrossYearChecks cross;

    CheckAgencyFn(Waivers waivers) {
      this.waivers = waivers;
    }

    @Setup
    public void setup() {
      single = new ReportChecks(TemplateCatalog.get(), Identities.get(), Narrative.get());
      cross = new CrossYearChecks(Identities.get(), single);
    }

    @ProcessElement
    public void process(@Element List<Report> group, MultiOutputReceiver out) {
      out.get(REPORTS).output(checkGroup(group, single, cross, waivers, line -> out.get(MATCHED).output(line)));
    }
  }

  /**
   * Every report of a group with all its findings: its own checks, the cross-year checks against
   * the same agency's other reports, the waivers applied ({@code matchedWaiver} gets the line of
   * each waiver that matched); in {@link GroupFamilies#GROUP_ORDER}.
   */
  public static List<Report> checkGroup(List<Report> group, ReportChecks single, CrossYearChecks cross,
      Waivers waivers, IntConsumer matchedWaiver) {
    java.util.Map<String, List<Report>> agencies = new java.util.TreeMap<>();
    group.forEach(r -> agencies.computeIfAbsent(r.agencyId(), k -> new ArrayList<>()).add(r));
    List<Report> checked = new ArrayList<>(group.size());
    agencies.values().forEach(reports -> checkAgency(reports, single, cross, waivers, matchedWaiver, checked));
    checked.sort(GroupFamilies.GROUP_ORDER);
    return checked;
  }

  private static void checkAgency(List<Report> reports, ReportChecks single, CrossYearChecks cross, Waivers waivers,
      IntConsumer matchedWaiver, List<Report> checked) {
    reports.sort(Comparator.comparingInt(Report::year).thenComparing(Report::sourceFile));
    for (Report r : reports) {
      List<Finding> findings = new ArrayList<>(r.findings());
      findings.addAll(single.check(r));
      for (Report previous : reports) {
        findings.addAll(cross.check(previous, r));
      }
      findings.replaceAll(f -> f.agencyId() == null ? f.withAgency(r.agencyId(), r.category()) : f);
      List<Finding> marked = new ArrayList<>(findings.size());
      for (Finding f : findings) {
        Waivers.Waiver w = waivers.match(f);
        if (w == null) {
          marked.add(f);
        } else {
          marked.add(f.waive(Waivers.describe(w)));
          matchedWaiver.accept(w.line());
        }
      }
      checked.add(r.withFindings(marked));
    }
  }

  /** A finding for each waiver that no finding matched, so stale waivers are noticed. */
  static final class StaleFn extends DoFn<Integer, Finding> {
    private final Waivers waivers;
    private final PCollectionView<List<Integer>> matched;

    StaleFn(Waivers waivers, PCollectionView<List<Integer>> matched) {
      this.waivers = waivers;
      this.matched = matched;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      Set<Integer> used = new HashSet<>(c.sideInput(matched));
      for (Waivers.Waiver w : waivers.all()) {
        if (!used.contains(w.line())) {
          c.output(waivers.stale(w));
        }
      }
    }
  }
}
