package cn.xxgk.rollup.rollup;

import cn.xxgk.rollup.model.Agency;
import cn.xxgk.rollup.model.Finding;
import cn.xxgk.rollup.model.FindingCoder;
import cn.xxgk.rollup.model.Identities;
import cn.xxgk.rollup.model.Registry;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.TemplateCatalog;
import cn.xxgk.rollup.validate.GroupFamilies;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ObjIntConsumer;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reconciles each aggregate report (an area's totals, e.g. a city government's city-wide report)
 * with the sum of its member agencies' reports (one group of {@code GroupFamilies} holds both), cell by cell ({@code parent_mismatch}, added to
 * the aggregate report), and lists every registry agency with no report for a year of the input
 * ({@code missing_report}).
 */
public final class Reconcile extends PTransform<PCollection<List<Report>>, PCollectionTuple> {
  /** Each group with the aggregates' reports reconciled. */
  public static final TupleTag<List<Report>> REPORTS = new TupleTag<>() {};
  public static final TupleTag<Finding> MISSING = new TupleTag<>() {};
  private static final TupleTag<KV<Integer, String>> REPORTED = new TupleTag<>() {};

  private final Registry registry;

  public Reconcile(Registry registry) {
    this.registry = registry;
  }

  @Override
  public PCollectionTuple expand(PCollection<List<Report>> groups) {
    PCollectionTuple families = groups
        .apply("CompareWithChildren", ParDo.of(new CompareFn(registry))
            .withOutputTags(REPORTS, TupleTagList.of(REPORTED)));
    families.get(REPORTS).setCoder(GroupFamilies.GROUP_CODER);
    PCollection<Finding> missing = families.get(REPORTED)
        .setCoder(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of()))
        .apply("GroupYears", GroupByKey.create())
        .apply("MissingReports", ParDo.of(new MissingFn(registry)))
        .setCoder(FindingCoder.of());
    return PCollectionTuple.of(REPORTS, families.get(REPORTS)).and(MISSING, missing);
  }

  /** Within a group of {@link GroupFamilies}: an aggregate and its members share a year and family. */
  static final class CompareFn extends DoFn<List<Report>, List<Report>> {
    private final Registry registry;

    CompareFn(Registry registry) {
      this.registry = registry;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      c.output(compareGroup(c.element(), registry, (agencyId, year) -> c.output(REPORTED, KV.of(year, agencyId))));
    }
  }

  /**
   * A group's reports with each aggregate's report reconciled with its members' (parent_mismatch
   * added to it), in {@link GroupFamilies#GROUP_ORDER}; {@code reported} gets the year and agency
   * of every report, for {@link #missing}.
   */
  public static List<Report> compareGroup(List<Report> group, Registry registry, ObjIntConsumer<String> reported) {
    Map<String, List<Report>> families = new java.util.TreeMap<>();
    for (Report r : group) {
      families.computeIfAbsent(r.year() + "|" + GroupFamilies.familyOf(r, registry), k -> new ArrayList<>()).add(r);
    }
    List<Report> out = new ArrayList<>(group.size());
    families.values().forEach(family -> compareFamily(family, registry, reported, out));
    out.sort(GroupFamilies.GROUP_ORDER);
    return out;
  }

  private static void compareFamily(List<Report> family, Registry reg, ObjIntConsumer<String> reported, List<Report> out) {
    family.sort(Comparator.comparing(Report::sourceFile));
    for (Report r : family) {
      reported.accept(r.agencyId(), r.year());
    }
    for (Report r : family) {
      Agency a = reg.byId(r.agencyId());
      if (a == null || !a.aggregate()) {
        out.add(r);
        continue;
      }
      List<Agency> expected = reg.children(a.agencyId());
      Map<String, Report> present = new LinkedHashMap<>(); // one report per child: the first by source_file
      for (Report child : family) {
        if (!child.aggregate() && expected.stream().anyMatch(e -> e.agencyId().equals(child.agencyId()))) {
          present.putIfAbsent(child.agencyId(), child);
        }
      }
      if (present.isEmpty()) {
        out.add(r);
        continue;
      }
      List<Finding> findings = new ArrayList<>(r.findings());
      findings.addAll(compare(r, new ArrayList<>(present.values()), expected.size()));
      out.add(r.withFindings(findings));
    }
  }

  /** parent_mismatch for every cell where the aggregate and the sum of its children differ. */
  static List<Finding> compare(Report aggregate, List<Report> children, int expectedChildren) {
    BigDecimal[] parent = Identities.known(aggregate);
    List<BigDecimal[]> kids = children.stream().map(Identities::known).toList();
    boolean complete = children.size() == expectedChildren;
    List<Finding> out = new ArrayList<>();
    for (TemplateCatalog.Cell cell : TemplateCatalog.get().cells()) {
      BigDecimal sum = BigDecimal.ZERO;
      for (BigDecimal[] k : kids) {
        sum = sum == null || k[cell.index()] == null ? null : sum.add(k[cell.index()]);
      }
      BigDecimal stated = parent[cell.index()];
      if (sum == null || stated == null || sum.compareTo(stated) == 0) {
        continue;
      }
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("agency", aggregate.agencyName());
      p.put("cell", cell.labelZh());
      p.put("cell_en", cell.code());
      p.put("actual", stated);
      p.put("children", children.size());
      p.put("expected", sum);
      p.put("difference", stated.subtract(sum));
      p.put("completeness", complete ? "" : "（名录中应有" + expectedChildren + "家，仅收到" + children.size() + "家，仅供参考）");
      p.put("completeness_en", complete ? "" : "; only " + children.size() + " of " + expectedChildren
          + " expected member reports are present, for reference only");
      Finding f = Finding.of(aggregate.sourceFile(), aggregate.agencyName(), aggregate.year(), "parent_mismatch",
          cell.code(), sum, stated, p).withAgency(aggregate.agencyId(), aggregate.category());
      out.add(complete ? f : f.incomplete());
    }
    return out;
  }

  /** missing_report for each registry agency without a report in a year of the input. */
  static final class MissingFn extends DoFn<KV<Integer, Iterable<String>>, Finding> {
    private final Registry registry;

    MissingFn(Registry registry) {
      this.registry = registry;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      Set<String> reported = new TreeSet<>();
      c.element().getValue().forEach(reported::add);
      missing(c.element().getKey(), reported, registry).forEach(c::output);
    }
  }

  /** missing_report for each registry agency not among the agencies {@code reported} for {@code year}. */
  public static List<Finding> missing(int year, Set<String> reported, Registry registry) {
    List<Finding> out = new ArrayList<>();
    for (Agency a : registry.agencies()) {
      if (!reported.contains(a.agencyId())) {
        out.add(Finding.of(registry.source(), a.agencyName(), year, "missing_report", "", null, null,
            Map.of("agency", a.agencyName(), "agency_id", a.agencyId(), "year", year))
            .withAgency(a.agencyId(), a.category()));
      }
    }
    return out;
  }
}
