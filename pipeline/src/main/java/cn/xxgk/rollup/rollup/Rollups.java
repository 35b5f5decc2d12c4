package cn.xxgk.rollup.rollup;

import cn.xxgk.rollup.model.Identities;
import cn.xxgk.rollup.model.Registry;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.TemplateCatalog;
import cn.xxgk.rollup.output.Column;
import cn.xxgk.rollup.output.OutputTable;
import cn.xxgk.rollup.output.TableRow;
import cn.xxgk.rollup.output.TableRowCoder;
import cn.xxgk.rollup.output.Tables;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * What the office publishes: per year the city's totals in the template's shape
 * ({@code rollup_city}), the same per category ({@code rollup_category}), the indicators of each
 * agency, the city and each category ({@code indicators}), and the agencies' ranks within the
 * city and their category ({@code rankings}). Aggregate reports are never summed; with
 * {@code --onInvalid=exclude} reports with errors are counted but not summed or ranked.
 */
public final class Rollups extends PTransform<PCollection<List<Report>>, PCollectionTuple> {
  public static final TupleTag<TableRow> CITY = new TupleTag<>() {};
  public static final TupleTag<TableRow> CATEGORY = new TupleTag<>() {};
  public static final TupleTag<TableRow> INDICATORS = new TupleTag<>() {};
  public static final TupleTag<TableRow> RANKINGS = new TupleTag<>() {};
  private static final TupleTag<TableRow> SCOPE_INDICATORS = new TupleTag<>() {};
  /** The default of --minSample: a rate ranks only agencies whose denominator is at least this. */
  public static final long DEFAULT_MIN_SAMPLE = 10;
  private static final String CITY_SCOPE = "city";
  // the tables' definitions, built once (they are constants of the catalog)
  private static final OutputTable INDICATORS_TABLE = Tables.indicators();
  private static final int YEAR = INDICATORS_TABLE.indexOf("year");
  private static final int SCOPE_ID = INDICATORS_TABLE.indexOf("scope_id");
  private static final int AGENCY_NAME = INDICATORS_TABLE.indexOf("agency_name");
  private static final int CATEGORY_COLUMN = INDICATORS_TABLE.indexOf("category");

  private final Registry registry;
  private final boolean excludeInvalid;
  private final long minSample;

  public Rollups(Registry registry, boolean excludeInvalid, long minSample) {
    this.registry = registry;
    this.excludeInvalid = excludeInvalid;
    this.minSample = minSample;
  }

  @Override
  public PCollectionTuple expand(PCollection<List<Report>> groups) {
    boolean exclude = excludeInvalid;
    PCollection<KV<String, CellSums>> sums = groups
        .apply("SumPerBundle", ParDo.of(new PartialSumsFn(exclude)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), new CellSums.Coder()))
        .apply("SumCells", Combine.perKey(new MergeSumsFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), new CellSums.Coder()));

    PCollectionTuple scopes = sums
        .apply("KeyAllSums", WithKeys.<Integer, KV<String, CellSums>>of(0).withKeyType(TypeDescriptors.integers()))
        .setCoder(KvCoder.of(VarIntCoder.of(), KvCoder.of(StringUtf8Coder.of(), new CellSums.Coder())))
        .apply("GatherSums", GroupByKey.create())
        .apply("RollupRows", ParDo.of(new ScopeRowsFn(registry))
            .withOutputTags(CITY, TupleTagList.of(CATEGORY).and(SCOPE_INDICATORS)));
    scopes.get(CITY).setCoder(TableRowCoder.of(Tables.rollupCity()));
    scopes.get(CATEGORY).setCoder(TableRowCoder.of(Tables.rollupCategory()));
    scopes.get(SCOPE_INDICATORS).setCoder(TableRowCoder.of(INDICATORS_TABLE));

    PCollection<TableRow> agencyIndicators = groups
        .apply("AgencyIndicators", ParDo.of(new AgencyIndicatorsFn(exclude)))
        .setCoder(TableRowCoder.of(INDICATORS_TABLE));

    PCollection<TableRow> rankings = agencyIndicators
        .apply("KeyByYear", WithKeys.of((TableRow r) -> (Integer) r.get(YEAR)).withKeyType(TypeDescriptors.integers()))
        .setCoder(KvCoder.of(VarIntCoder.of(), TableRowCoder.of(INDICATORS_TABLE)))
        .apply("GroupYears", GroupByKey.create())
        .apply("Rank", ParDo.of(new RankFn(minSample)))
        .setCoder(TableRowCoder.of(Tables.rankings()));

    PCollection<TableRow> allIndicators = PCollectionList.of(agencyIndicators).and(scopes.get(SCOPE_INDICATORS))
        .apply("AllIndicators", Flatten.pCollections());
    return PCollectionTuple.of(CITY, scopes.get(CITY)).and(CATEGORY, scopes.get(CATEGORY))
        .and(INDICATORS, allIndicators).and(RANKINGS, rankings);
  }

  /**
   * Sums each bundle's reports per scope (the city and the category, per year) before the
   * shuffle, so that only a few partial sums per scope are combined, not every report.
   */
  static final class PartialSumsFn extends DoFn<List<Report>, KV<String, CellSums>> {
    private final boolean excludeInvalid;
    private transient Map<String, CellSums> partial;

    PartialSumsFn(boolean excludeInvalid) {
      this.excludeInvalid = excludeInvalid;
    }

    @StartBundle
    public void start() {
      partial = new TreeMap<>();
    }

    @ProcessElement
    public void process(@Element List<Report> group) {
      for (Report r : group) {
        for (String key : sumKeys(r)) {
          partial.computeIfAbsent(key, k -> new CellSums(TemplateCatalog.get().size())).add(r, excludeInvalid);
        }
      }
    }

    @FinishBundle
    public void finish(FinishBundleContext c) {
      partial.forEach((k, v) -> c.output(KV.of(k, v), org.apache.beam.sdk.transforms.windowing.BoundedWindow.TIMESTAMP_MIN_VALUE,
          org.apache.beam.sdk.transforms.windowing.GlobalWindow.INSTANCE));
      partial = null;
    }
  }

  /** The scopes a report is summed in: the city's year and its category's year ({@link #scopeRows} reads them). */
  public static List<String> sumKeys(Report r) {
    return List.of(CITY_SCOPE + "|" + r.year(), "category|" + r.year() + "|" + r.category());
  }

  /** Merges partial sums. */
  static final class MergeSumsFn extends Combine.CombineFn<CellSums, CellSums, CellSums> {
    @Override
    public CellSums createAccumulator() {
      return new CellSums(TemplateCatalog.get().size());
    }

    @Override
    public CellSums addInput(CellSums acc, CellSums partial) {
      acc.merge(partial);
      return acc;
    }

    @Override
    public CellSums mergeAccumulators(Iterable<CellSums> accs) {
      CellSums merged = createAccumulator();
      accs.forEach(merged::merge);
      return merged;
    }

    @Override
    public CellSums extractOutput(CellSums acc) {
      return acc;
    }

    @Override
    public org.apache.beam.sdk.coders.Coder<CellSums> getAccumulatorCoder(
        org.apache.beam.sdk.coders.CoderRegistry r, org.apache.beam.sdk.coders.Coder<CellSums> in) {
      return new CellSums.Coder();
    }

    @Override
    public org.apache.beam.sdk.coders.Coder<CellSums> getDefaultOutputCoder(
        org.apache.beam.sdk.coders.CoderRegistry r, org.apache.beam.sdk.coders.Coder<CellSums> in) {
      return new CellSums.Coder();
    }
  }

  /** The rollup rows and the city's and categories' indicators, with year-over-year changes. */
  static final class ScopeRowsFn extends DoFn<KV<Integer, Iterable<KV<String, CellSums>>>, TableRow> {
    private final Registry registry;

    ScopeRowsFn(Registry registry) {
      this.registry = registry;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      Map<String, CellSums> byKey = new java.util.HashMap<>(); // scopeRows orders the scopes itself
      for (KV<String, CellSums> kv : c.element().getValue()) {
        byKey.put(kv.getKey(), kv.getValue());
      }
      scopeRows(byKey, registry, r -> c.output(CITY, r), r -> c.output(CATEGORY, r), r -> c.output(SCOPE_INDICATORS, r));
    }
  }

  /**
   * From the sums of every scope (keyed as {@link #sumKeys}): the rollup_city and rollup_category
   * rows, and the city's and categories' indicators rows with year-over-year changes.
   */
  public static void scopeRows(Map<String, CellSums> byKey, Registry registry, Consumer<TableRow> city,
      Consumer<TableRow> category, Consumer<TableRow> indicators) {
    for (Map.Entry<String, CellSums> e : new TreeMap<>(byKey).entrySet()) {
      String[] key = e.getKey().split("\\|", 3);
      int year = Integer.parseInt(key[1]);
      boolean isCity = key[0].equals(CITY_SCOPE);
      String categoryName = isCity ? null : key[2];
      CellSums s = e.getValue();
      List<Object> row = new ArrayList<>();
      row.add(year);
      if (!isCity) {
        row.add(categoryName);
      }
      row.add(registry.isEmpty() ? null : (int) registry.agencies().stream()
          .filter(a -> !a.aggregate() && (isCity || a.category().equals(categoryName))).count());
      row.add(s.received);
      row.add(s.included);
      row.add(s.excluded);
      row.add(s.aggregates);
      row.add(s.notOk);
      OutputTable table = isCity ? Tables.rollupCity() : Tables.rollupCategory();
      for (TemplateCatalog.Cell cell : TemplateCatalog.get().cells()) {
        row.add(value(table.columns().get(row.size()), s.sums[cell.index()]));
      }
      (isCity ? city : category).accept(new TableRow(row.toArray()));
      if (s.included == 0) {
        continue;
      }
      CellSums previous = byKey.get(key[0] + "|" + (year - 1) + (isCity ? "" : "|" + categoryName));
      indicators.accept(indicatorRow(year, isCity ? CITY_SCOPE : "category", isCity ? CITY_SCOPE : categoryName,
          null, categoryName, s.included, s.sums, s.errors,
          previous == null || previous.included == 0 ? null : previous.sums,
          previous == null ? 0 : previous.errors));
    }
  }

  /** Each agency's indicators per year, with the change from its previous year. */
  static final class AgencyIndicatorsFn extends DoFn<List<Report>, TableRow> {
    private final boolean excludeInvalid;

    AgencyIndicatorsFn(boolean excludeInvalid) {
      this.excludeInvalid = excludeInvalid;
    }

    @ProcessElement
    public void process(@Element List<Report> group, OutputReceiver<TableRow> out) {
      agencyIndicators(group, excludeInvalid, out::output);
    }
  }

  /** The indicators rows of the agencies of a group (every year of an agency is in its group). */
  public static void agencyIndicators(List<Report> group, boolean excludeInvalid, Consumer<TableRow> out) {
    Map<String, List<Report>> agencies = new TreeMap<>();
    for (Report r : group) {
      if (!r.aggregate() && !(excludeInvalid && r.errorCount() > 0)) {
        agencies.computeIfAbsent(r.agencyId(), k -> new ArrayList<>()).add(r);
      }
    }
    agencies.values().forEach(reports -> agency(reports, out));
  }

  private static void agency(List<Report> reports, Consumer<TableRow> out) {
    // one report per agency and year: the first by source_file (versions are chosen upstream)
    Map<Integer, Report> byYear = new TreeMap<>();
    reports.sort(Comparator.comparing(Report::sourceFile));
    for (Report r : reports) {
      byYear.putIfAbsent(r.year(), r);
    }
    for (Report r : byYear.values()) {
      Report previous = byYear.get(r.year() - 1);
      out.accept(indicatorRow(r.year(), "agency", r.agencyId(), r.agencyName(), r.category(), 1,
          Identities.known(r), r.errorCount(),
          previous == null ? null : Identities.known(previous), previous == null ? 0 : previous.errorCount()));
    }
  }

  /** One indicators row: values, denominators of rates, and changes from the previous year. */
  static TableRow indicatorRow(int year, String scopeType, String scopeId, String agencyName, String category,
      int reports, BigDecimal[] known, long errors, BigDecimal[] previous, long previousErrors) {
    OutputTable table = INDICATORS_TABLE;
    List<Object> row = new ArrayList<>(List.of(year, scopeType, scopeId));
    row.add(agencyName);
    row.add(category);
    row.add(reports);
    for (Indicators.Indicator i : Indicators.get().all()) {
      BigDecimal v = i.valueOf(known, errors);
      row.add(value(table.columns().get(row.size()), v));
      if (i.isRate()) {
        row.add(value(table.columns().get(row.size()), i.denominatorOf(known)));
      }
      BigDecimal before = previous == null ? null : i.valueOf(previous, previousErrors);
      row.add(value(table.columns().get(row.size()), v == null || before == null ? null : v.subtract(before)));
    }
    return new TableRow(row.toArray());
  }

  /** A number as its column holds it: Long for INT64, BigDecimal at the column's scale otherwise. */
  static Object value(Column column, BigDecimal v) {
    if (v == null) {
      return null;
    }
    return switch (column.type()) {
      case INT64 -> v.longValueExact();
      case DECIMAL, RATE -> v.setScale(column.type().scale(), RoundingMode.UNNECESSARY);
      default -> throw new IllegalArgumentException(column.name() + " is not numeric");
    };
  }

  /** Ranks a year's agencies on every indicator, within the city and within each category. */
  static final class RankFn extends DoFn<KV<Integer, Iterable<TableRow>>, TableRow> {
    private final long minSample;

    RankFn(long minSample) {
      this.minSample = minSample;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<TableRow>> year, OutputReceiver<TableRow> out) {
      rankYear(year.getKey(), year.getValue(), minSample, out::output);
    }
  }

  /**
   * The rankings rows of a year: its agencies' indicators rows ranked on every indicator, within
   * the city and within each category.
   */
  public static void rankYear(int year, Iterable<TableRow> agencyRows, long minSample, Consumer<TableRow> out) {
    List<TableRow> agencies = new ArrayList<>();
    agencyRows.forEach(agencies::add);
    agencies.sort(Comparator.comparing((TableRow r) -> (String) r.get(SCOPE_ID)));
    Map<String, List<TableRow>> scopes = new LinkedHashMap<>();
    scopes.put(CITY_SCOPE, agencies);
    TreeSet<String> categories = new TreeSet<>();
    agencies.forEach(r -> categories.add((String) r.get(CATEGORY_COLUMN)));
    for (String category : categories) {
      scopes.put(category, agencies.stream().filter(r -> category.equals(r.get(CATEGORY_COLUMN))).toList());
    }
    for (Indicators.Indicator i : Indicators.get().all()) {
      for (Map.Entry<String, List<TableRow>> scope : scopes.entrySet()) {
        rank(year, scope.getKey(), scope.getValue(), i, minSample, out);
      }
    }
  }

  /** A member of a ranking with its value. */
  private record Member(TableRow row, String agencyId, BigDecimal value) {}

  private static void rank(int year, String scope, List<TableRow> members, Indicators.Indicator i, long minSample,
      Consumer<TableRow> out) {
    Comparator<BigDecimal> better = i.lowerIsBetter() ? Comparator.naturalOrder() : Comparator.reverseOrder();
    List<Member> all = new ArrayList<>(members.size());
    List<Member> eligible = new ArrayList<>();
    int valueColumn = INDICATORS_TABLE.indexOf(i.code());
    int denominatorColumn = i.isRate() ? INDICATORS_TABLE.indexOf(i.code() + "_denominator") : -1;
    for (TableRow r : members) {
      Member m = new Member(r, (String) r.get(SCOPE_ID), valueOf(r.get(valueColumn)));
      all.add(m);
      BigDecimal d = i.isRate() ? (BigDecimal) r.get(denominatorColumn) : null;
      if (m.value() != null && (!i.isRate() || d != null && d.compareTo(BigDecimal.valueOf(minSample)) >= 0)) {
        eligible.add(m);
      }
    }
    // best first, ties by agency_id; a tie shares the rank of its first (competition ranking)
    eligible.sort(Comparator.comparing(Member::value, better).thenComparing(Member::agencyId));
    int rankOf = eligible.size();
    java.util.IdentityHashMap<Member, Integer> ranks = new java.util.IdentityHashMap<>();
    java.util.IdentityHashMap<Member, BigDecimal> percentiles = new java.util.IdentityHashMap<>();
    int rank = 0;
    for (int k = 0; k < rankOf; k++) {
      if (k == 0 || better.compare(eligible.get(k - 1).value(), eligible.get(k).value()) != 0) {
        rank = k + 1;
      }
      ranks.put(eligible.get(k), rank);
    }
    // strictly worse = those after the last of this value
    for (int k = rankOf - 1, worse = 0; k >= 0; k--) {
      if (k < rankOf - 1 && better.compare(eligible.get(k).value(), eligible.get(k + 1).value()) != 0) {
        worse = rankOf - 1 - k;
      }
      percentiles.put(eligible.get(k), rankOf == 1 ? null : BigDecimal.valueOf(100L * worse)
          .divide(BigDecimal.valueOf(rankOf - 1), Column.DECIMAL_SCALE, RoundingMode.HALF_EVEN));
    }
    for (Member m : all) {
      BigDecimal v = m.value();
      out.accept(new TableRow(year, scope, m.agencyId(), m.row().get(AGENCY_NAME), i.code(),
          v == null ? null : v.setScale(Column.RATE_SCALE, RoundingMode.UNNECESSARY),
          ranks.get(m), rankOf, percentiles.get(m), i.direction(), ranks.containsKey(m)));
    }
  }

  /** An indicator's value: a rate's BigDecimal, a count's Long as a decimal. */
  private static BigDecimal valueOf(Object v) {
    return v == null ? null : v instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) v;
  }
}
