package cn.xxgk.rollup.validate;


import cn.xxgk.rollup.model.Finding;
import cn.xxgk.rollup.model.FindingCoder;
import cn.xxgk.rollup.model.Identities;
import cn.xxgk.rollup.model.Narrative;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.ReportCoder;
import cn.xxgk.rollup.model.Shards;
import cn.xxgk.rollup.model.TemplateCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Checks every report: its own arithmetic, year and narrative, and against the same agency's
 * report of the previous year; then marks the findings the office has waived. Outputs the
 * reports with all their findings ({@link #REPORTS}) and the findings of waivers that matched
 * nothing ({@link #STALE_WAIVERS}).
 */
public final class Validate extends PTransform<PCollection<Report>, PCollectionTuple> {
  public static final TupleTag<Report> REPORTS = new TupleTag<>() {};
  public static final TupleTag<Finding> STALE_WAIVERS = new TupleTag<>() {};
  private static final TupleTag<Integer> MATCHED = new TupleTag<>() {};

  private final Waivers waivers;

  private final Shards shards;

  public Validate(Waivers waivers, Shards shards) {
    this.waivers = waivers;
    this.shards = shards;
  }

  @Override
  public PCollectionTuple expand(PCollection<Report> reports) {
    PCollectionTuple checked = reports
        .apply("KeyByShard", WithKeys.of((Report r) -> shards.of(r.agencyId())).withKeyType(TypeDescriptors.integers()))
        .setCoder(KvCoder.of(VarIntCoder.of(), ReportCoder.of()))
        .apply("GroupShards", GroupByKey.create())
        .apply("CheckAgency", ParDo.of(new CheckAgencyFn(waivers))
            .withOutputTags(REPORTS, TupleTagList.of(MATCHED)));
    checked.get(REPORTS).setCoder(ReportCoder.of());
    PCollectionView<List<Integer>> matched = checked.get(MATCHED).setCoder(VarIntCoder.of())
        .apply("DistinctMatchedWaivers", Distinct.create())
        .apply("AsList", View.asList());
    PCollection<Finding> stale = reports.getPipeline()
        .apply("Once", Create.of(0).withCoder(VarIntCoder.of()))
        .apply("StaleWaivers", ParDo.of(new StaleFn(waivers, matched)).withSideInputs(matched))
        .setCoder(FindingCoder.of());
    return PCollectionTuple.of(REPORTS, checked.get(REPORTS)).and(STALE_WAIVERS, stale);
  }

  /** All checks of one agency's reports, in year order. */
  static final class CheckAgencyFn extends DoFn<KV<Integer, Iterable<Report>>, Report> {
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
    public void process(@Element KV<Integer, Iterable<Report>> shard, MultiOutputReceiver out) {
      java.util.Map<String, List<Report>> agencies = new java.util.TreeMap<>();
      shard.getValue().forEach(r -> agencies.computeIfAbsent(r.agencyId(), k -> new ArrayList<>()).add(r));
      agencies.values().forEach(reports -> check(reports, out));
    }

    private void check(List<Report> reports, MultiOutputReceiver out) {
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
            out.get(MATCHED).output(w.line());
          }
        }
        out.get(REPORTS).output(r.withFindings(marked));
      }
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
