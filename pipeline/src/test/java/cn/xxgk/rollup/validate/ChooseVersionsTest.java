package cn.xxgk.rollup.validate;

import cn.xxgk.rollup.model.Shards;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.xxgk.rollup.Samples;
import cn.xxgk.rollup.ingest.ReportParser;
import cn.xxgk.rollup.model.Provenance;
import cn.xxgk.rollup.model.Registry;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.ReportCoder;
import cn.xxgk.rollup.model.Superseded;
import cn.xxgk.rollup.model.TemplateCatalog;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class ChooseVersionsTest {
  /** The reports, resolved without a registry and grouped as the pipeline groups them. */
  static PCollection<List<Report>> grouped(TestPipeline p, Report... reports) {
    return p.apply("Reports", Create.of(List.of(reports)).withCoder(ReportCoder.of()))
        .apply(new GroupFamilies(Registry.none(), new Shards(4)));
  }

  private static Report jining;

  private static Report version(String file, String sha, long modified, Integer revision) throws Exception {
    if (jining == null) {
      String s = "2024_jining_xingzheng_shenpi_fuwuju_pagetext.txt";
      jining = new ReportParser(TemplateCatalog.get()).parse(s, Samples.bytes(s));
    }
    Report copy = ReportChecksTest.copy(jining, file, jining.year(), jining.periodYear(),
        ReportChecksTest.statuses(jining), ReportChecksTest.values(jining), jining.stated(), jining.findings());
    return copy.withProvenance(new Provenance(sha, 100, modified, revision));
  }

  @Test
  void revisionsFromFileNames() {
    assertEquals(2, Provenance.revisionOf("济宁/report.r2.txt"));
    assertEquals(12, Provenance.revisionOf("report_R12.pdf"));
    assertEquals(3, Provenance.revisionOf("corrections/jining-r3.json"));
    assertNull(Provenance.revisionOf("report2024.txt"));
    assertNull(Provenance.revisionOf("r2/report.txt"));
  }

  @Test
  void theOrderIsRevisionThenCorrectionsThenTimeThenPath() throws Exception {
    List<Report> versions = new ArrayList<>(List.of(
        version("z.txt", "a", 3000, null),
        version("corrections/a.txt", "b", 1000, null),
        version("b.r2.txt", "c", 500, 2),
        version("a.txt", "d", 3000, null),
        version("old.txt", "e", 2000, null)));
    versions.sort(ChooseVersions.VERSION_ORDER);
    assertEquals(List.of("old.txt", "a.txt", "z.txt", "corrections/a.txt", "b.r2.txt"),
        versions.stream().map(Report::sourceFile).toList());
    Report latest = versions.get(4);
    assertEquals("revision none < revision 2", ChooseVersions.reason(versions.get(3), latest));
    assertEquals("the later file is in corrections/", ChooseVersions.reason(versions.get(2), versions.get(3)));
    assertEquals("same revision, folder and time: the later path wins", ChooseVersions.reason(versions.get(1), versions.get(2)));
    assertEquals("the later file was modified more recently", ChooseVersions.reason(versions.get(0), versions.get(1)));
  }

  @Test
  void theLatestWinsAndConflictingRevisionsAreFlagged(TestPipeline p) throws Exception {
    PCollectionTuple out = grouped(p,
            version("jining.r2.txt", "aaa", 1000, 2),
            version("corrections/jining.r2.txt", "bbb", 500, 2),
            version("jining.txt", "ccc", 9000, null))
        .apply(new ChooseVersions());
    PAssert.that(out.get(ChooseVersions.CURRENT).apply("Ungroup", Flatten.iterables())
        .apply("Current", MapElements.into(TypeDescriptors.strings())
            .via((Report r) -> r.sourceFile() + " " + r.findings().stream()
                .map(f -> f.ruleId() + ":" + f.severity() + ":" + f.messageZh()).toList())))
        .containsInAnyOrder("corrections/jining.r2.txt [conflicting_versions:error:同一机关、年度、修订号2有内容不同的多个文件"
            + "（corrections/jining.r2.txt、jining.r2.txt），已按规则采用corrections/jining.r2.txt。请确认哪一份正确并删除或改正其他文件。]");
    PAssert.that(out.get(ChooseVersions.SUPERSEDED).apply("Superseded", MapElements.into(TypeDescriptors.strings())
            .via((Superseded s) -> s.sourceFile() + " -> " + s.replacedBy() + ": " + s.reason())))
        .containsInAnyOrder(
            "jining.txt -> corrections/jining.r2.txt: revision none < revision 2",
            "jining.r2.txt -> corrections/jining.r2.txt: the later file is in corrections/");
    p.run().waitUntilFinish();
  }
}
