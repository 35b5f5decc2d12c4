package cn.xxgk.rollup.output;

import java.io.Serializable;

/** One column of an output table: its public name, type and meaning. */
public record Column(String name, Type type, boolean nullable, String labelZh, String description)
    implements Serializable {

  /** Column types; numbers are never floating point. */
  public enum Type {
    STRING,
    INT32,
    INT64,
    /** DECIMAL(18,4): money and metric values. */
    DECIMAL,
    BOOLEAN;
  }

  public static final int DECIMAL_PRECISION = 18;
  public static final int DECIMAL_SCALE = 4;

  public static Column string(String name, String labelZh, String description) {
    return new Column(name, Type.STRING, false, labelZh, description);
  }

  public static Column nullableString(String name, String labelZh, String description) {
    return new Column(name, Type.STRING, true, labelZh, description);
  }

  public static Column int32(String name, String labelZh, String description) {
    return new Column(name, Type.INT32, false, labelZh, description);
  }

  public static Column bool(String name, String labelZh, String description) {
    return new Column(name, Type.BOOLEAN, false, labelZh, description);
  }

  public static Column nullable(String name, Type type, String labelZh, String description) {
    return new Column(name, type, true, labelZh, description);
  }
}
