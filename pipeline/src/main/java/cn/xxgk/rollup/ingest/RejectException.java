package cn.xxgk.rollup.ingest;

import cn.xxgk.rollup.model.CodeCatalog;
import cn.xxgk.rollup.model.Reject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown by a parser when a file cannot become a report. Carries a reason code of the code
 * catalog and the parameters of its message; the pipeline turns it into a {@link Reject}.
 */
public final class RejectException extends Exception {
  private final String reasonCode;
  private final Map<String, Object> params;

  public RejectException(String reasonCode, Map<String, ?> params) {
    super(reasonCode + " " + params, null, false, false);
    CodeCatalog.get().reject(reasonCode); // unknown codes fail here, at the throw site
    this.reasonCode = reasonCode;
    this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** Convenience for a reason with alternating name/value parameters. */
  public static RejectException of(String reasonCode, Object... nameValues) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i + 1 < nameValues.length; i += 2) {
      params.put((String) nameValues[i], nameValues[i + 1]);
    }
    return new RejectException(reasonCode, params);
  }

  public String reasonCode() {
    return reasonCode;
  }

  public Map<String, Object> params() {
    return params;
  }

  public Reject toReject(String sourceFile) {
    return Reject.of(sourceFile, reasonCode, params);
  }
}
