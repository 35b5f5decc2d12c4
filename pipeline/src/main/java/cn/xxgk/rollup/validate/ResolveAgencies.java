package cn.xxgk.rollup.validate;

import cn.xxgk.rollup.model.Agency;
import cn.xxgk.rollup.model.Finding;
import cn.xxgk.rollup.model.Registry;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.ReportCoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/**
 * Attributes each report to its registry agency (by name or alias, normalised) with its category.
 * A report no registry agency claims keeps its printed name as its agency and gets an
 * {@code unknown_agency} warning; without a registry every report is its own agency.
 */
public final class ResolveAgencies extends PTransform<PCollection<Report>, PCollection<Report>> {
  private final Registry registry;

  public ResolveAgencies(Registry registry) {
    this.registry = registry;
  }

  @Override
  public PCollection<Report> expand(PCollection<Report> reports) {
    return reports.apply("MatchRegistry", ParDo.of(new ResolveFn(registry)))
        .setCoder(ReportCoder.of());
  }

  static final class ResolveFn extends DoFn<Report, Report> {
    private final Registry registry;

    ResolveFn(Registry registry) {
      this.registry = registry;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      c.output(resolve(registry, c.element()));
    }
  }

  /** The report attributed to its registry agency, or to its own name with unknown_agency. */
  public static Report resolve(Registry registry, Report r) {
    Agency a = registry.match(r.agencyName());
    if (a != null) {
      return r.withAgency(a.agencyId(), a.category(), a.aggregate());
    }
    Report own = r.withAgency(registry.agencyIdOf(r.agencyName()), Registry.UNKNOWN_CATEGORY, false);
    if (registry.isEmpty()) {
      return own;
    }
    List<Finding> findings = new ArrayList<>(own.findings());
    findings.add(Finding.of(r.sourceFile(), r.agencyName(), r.year(), "unknown_agency", "", null, null,
        Map.of("agency", r.agencyName(), "registry", registry.source()))
        .withAgency(own.agencyId(), own.category()));
    return own.withFindings(findings);
  }
}
