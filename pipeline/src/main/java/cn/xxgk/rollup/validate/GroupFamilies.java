package cn.xxgk.rollup.validate;

import cn.xxgk.rollup.model.Agency;
import cn.xxgk.rollup.model.Registry;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.ReportCoder;
import cn.xxgk.rollup.model.Shards;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Brings together, in one shuffle, every report that a later step must see beside another: the
 * versions of an agency's report for a year ({@link ChooseVersions}), an agency's reports of all
 * years (cross-year checks in {@link Validate}, year-on-year indicators), and an aggregate's report
 * with its member agencies' ({@code Reconcile}). Each report goes to its agency's family (see
 * {@link #familyOf}); families are grouped by shard ({@link Shards}). The steps after it work on
 * these groups in memory, each group a list of reports, so the reports are shuffled once, not
 * once per step.
 */
public final class GroupFamilies extends PTransform<PCollection<Report>, PCollection<List<Report>>> {
  /** The coder of a group of reports. */
  public static final Coder<List<Report>> GROUP_CODER = ListCoder.of(ReportCoder.of());
  /** The order of the reports in a group, so that every step sees them alike on any runner. */
  public static final Comparator<Report> GROUP_ORDER = Comparator.comparing(Report::agencyId)
      .thenComparingInt(Report::year).thenComparing(Report::sourceFile);

  private final Registry registry;
  private final Shards shards;

  public GroupFamilies(Registry registry, Shards shards) {
    this.registry = registry;
    this.shards = shards;
  }

  @Override
  public PCollection<List<Report>> expand(PCollection<Report> reports) {
    return reports
        .apply("KeyByFamily", ParDo.of(new FamilyShardFn(registry, shards)))
        .setCoder(KvCoder.of(VarIntCoder.of(), ReportCoder.of()))
        .apply("GroupShards", GroupByKey.create())
        .apply("InOrder", ParDo.of(new InOrderFn()))
        .setCoder(GROUP_CODER);
  }

  /**
   * The agency whose family a report belongs to: the aggregate agency it is, or whose member it is;
   * otherwise its own agency.
   */
  public static String familyOf(Report r, Registry reg) {
    Agency a = reg.byId(r.agencyId());
    if (a != null && !a.aggregate() && a.parentId() != null) {
      Agency parent = reg.byId(a.parentId());
      if (parent != null && parent.aggregate()) {
        return parent.agencyId();
      }
    }
    return r.agencyId();
  }

  static final class FamilyShardFn extends DoFn<Report, KV<Integer, Report>> {
    private final Registry registry;
    private final Shards shards;

    FamilyShardFn(Registry registry, Shards shards) {
      this.registry = registry;
      this.shards = shards;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      c.output(KV.of(shards.of(familyOf(c.element(), registry)), c.element()));
    }
  }

  static final class InOrderFn extends DoFn<KV<Integer, Iterable<Report>>, List<Report>> {
    @ProcessElement
    public void process(@Element KV<Integer, Iterable<Report>> shard, OutputReceiver<List<Report>> out) {
      List<Report> group = new ArrayList<>();
      shard.getValue().forEach(group::add);
      group.sort(GROUP_ORDER);
      out.output(group);
    }
  }
}
