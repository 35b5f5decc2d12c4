package cn.xxgk.rollup.ingest;

import cn.xxgk.rollup.model.Shards;
import cn.xxgk.rollup.Samples;
import cn.xxgk.rollup.model.Reject;
import cn.xxgk.rollup.model.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class ParseReportsTest {
  private static final String JINING = "2024_jining_xingzheng_shenpi_fuwuju_pagetext.txt";
  private static final String HUAIAN = "2024_huaian_city_gov_pdf-layout.txt";

  @TempDir Path input;

  @Test
  void parsesGoodFilesAndRejectsBrokenOnesWithoutStopping(TestPipeline p) throws Exception {
    Samples.copyTo(input.resolve("reports"), JINING);
    Samples.copyTo(input.resolve("corrections"), HUAIAN);
    byte[] huaian = Samples.bytes(HUAIAN);
    Files.write(input.resolve("truncated.txt"), java.util.Arrays.copyOf(huaian, huaian.length / 2));
    Files.write(input.resolve("empty.txt"), new byte[0]);
    Files.write(input.resolve("binary.bin"), new byte[] {0x50, 0x4b, 0x00, 0x01, 0x02, 0x00, 0x7f});
    Files.write(input.resolve("notice.txt"), "关于召开会议的通知\n请各科室准时参加。\n".getBytes(StandardCharsets.UTF_8));
    Files.write(input.resolve("huge.txt"), new byte[300_000]);
    Files.write(input.resolve(".hidden.txt"), huaian);

    InputSpec spec = InputSpec.of(input.toString());
    PCollectionTuple out = p.apply("MatchInputs", new MatchInputs(spec, new Shards(4)))
        .apply("ParseReports", new ParseReports(spec, 200_000));

    PAssert.that(out.get(ParseReports.REPORTS).apply("Describe", MapElements.into(TypeDescriptors.strings())
            .via((Report r) -> r.sourceFile() + "|" + r.agencyName() + "|" + r.year() + "|"
                + r.value("received_new__total"))))
        .containsInAnyOrder(
            "reports/" + JINING + "|济宁市行政审批服务局|2024|27",
            "corrections/" + HUAIAN + "|淮安市人民政府|2024|3119");
    PAssert.that(out.get(ParseReports.REJECTS).apply("Reasons", MapElements.into(TypeDescriptors.strings())
            .via((Reject r) -> r.sourceFile() + "|" + r.reasonCode())))
        .containsInAnyOrder(
            "truncated.txt|table_not_found",
            "empty.txt|empty_file",
            "binary.bin|binary_file",
            "notice.txt|not_an_annual_report",
            "huge.txt|file_too_large");
    p.run().waitUntilFinish();
  }
}
