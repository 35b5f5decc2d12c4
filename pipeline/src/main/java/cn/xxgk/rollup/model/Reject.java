package cn.xxgk.rollup.model;

import java.util.Comparator;
import java.util.Map;

/** A file that did not become a report, with a reason a person can act on. */
public record Reject(String sourceFile, String reasonCode, String messageZh, String messageEn) {

  public static final Comparator<Reject> ORDER =
      Comparator.comparing(Reject::sourceFile).thenComparing(Reject::reasonCode);

  /** Builds a reject from a reason code of the code catalog and its message parameters. */
  public static Reject of(String sourceFile, String reasonCode, Map<String, ?> params) {
    CodeCatalog.Message m = CodeCatalog.render(CodeCatalog.get().reject(reasonCode), params);
    return new Reject(sourceFile, reasonCode, m.zh(), m.en());
  }
}
