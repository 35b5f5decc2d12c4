package cn.xxgk.rollup.output;

import java.io.Serializable;

/** One column of an output table: its public name, type, meaning and unit (null when none). */
public record Column(String name, Type type, boolean nullable, String labelZh, String description, String unit)
    implements Serializable {

  /** Column types; numbers are never floating point. */
  public enum Type {
    STRING,
    INT32,
    INT64,
    /** DECIMAL(18,4): money and metric values. */
    DECIMAL,
    /** DECIMAL(18,6): rates (fractions) and indicator values. */
    RATE,
    BOOLEAN;

    /** The decimal scale of DECIMAL and RATE columns. */
    public int scale() {
      return this == RATE ? RATE_SCALE : DECIMAL_SCALE;
    }
  }

  public static final int DECIMAL_PRECISION = 18;
  public static final int DECIMAL_SCALE = 4;
  public static final int RATE_SCALE = 6;

  public static Column string(String name, String labelZh, String description) {
    return new Column(name, Type.STRING, false, labelZh, description, null);
  }

  public static Column nullableString(String name, String labelZh, String description) {
    return new Column(name, Type.STRING, true, labelZh, description, null);
  }

  public static Column int32(String name, String labelZh, String description) {
    return new Column(name, Type.INT32, false, labelZh, description, null);
  }

  public static Column bool(String name, String labelZh, String description) {
    return new Column(name, Type.BOOLEAN, false, labelZh, description, null);
  }

  public static Column nullable(String name, Type type, String labelZh, String description) {
    return new Column(name, type, true, labelZh, description, null);
  }

  /** This column with a unit. */
  public Column withUnit(String u) {
    return new Column(name, type, nullable, labelZh, description, u);
  }

  /** The type as the data dictionary writes it. */
  public String typeName() {
    return switch (type) {
      case STRING -> "string";
      case INT32 -> "int32";
      case INT64 -> "int64";
      case BOOLEAN -> "boolean";
      case DECIMAL, RATE -> "decimal(" + DECIMAL_PRECISION + "," + type.scale() + ")";
    };
  }
}
