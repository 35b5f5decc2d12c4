package cn.xxgk.rollup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real reports copied into test resources, and the values transcribed from them by hand. */
public final class Samples {
  /** Reports in the forms this version parses, each with an expected-values file. */
  public static final List<String> PARSED = List.of(
      "2024_jining_xingzheng_shenpi_fuwuju_pagetext.txt",
      "2024_huaian_city_gov_pdf-layout.txt",
      "2023_huaian_hongzequ_gov_pdf-layout.txt",
      "2024_huaian_hongzequ_gov_pdf-layout.txt",
      "2024_pingtan_zonghe_shiyanqu_pagetxt.txt",
      "2019_pingtan_zonghe_shiyanqu_OLDFORMAT_pagetxt.txt",
      "2024_shanghai_kewei_pdf2md.txt",
      "2023_suqian_shuyangxian_fagaiju_crawled.html",
      "2024_huaian_city_gov.pdf",
      "2023_huaian_hongzequ_gov.pdf",
      "2024_huaian_hongzequ_gov.pdf");

  private Samples() {}

  public static byte[] bytes(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("/reports/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test report " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  public static ExpectedReport expected(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("/expected/" + name + ".expected")) {
      return ExpectedReport.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies test reports into a folder, as an input directory for pipeline runs. */
  public static void copyTo(Path dir, String... names) throws IOException {
    Files.createDirectories(dir);
    for (String n : names) {
      Files.write(dir.resolve(n), bytes(n));
    }
  }
}
