package cn.xxgk.rollup.model;

/** The value type of a template cell. */
public enum CellType {
  /** A non-negative whole number of items (件, 条). */
  COUNT,
  /** A non-negative decimal amount; the fee, in 万元. */
  DECIMAL
}
