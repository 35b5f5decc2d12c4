package cn.xxgk.rollup.model;

import java.util.Locale;

/**
 * What is known about one cell of one report. The value is present only for {@link #OK}: a
 * missing value is never a silent 0.
 */
public enum CellStatus {
  /** The source states a valid value. */
  OK,
  /** The cell is empty in the source. */
  BLANK,
  /** The source's template has no such cell (older format, collapsed rows). */
  ABSENT,
  /** The source holds something that is not a valid value (a dash, a word, a negative count). */
  INVALID,
  /** The text allows more than one reading (used for damaged text). */
  AMBIGUOUS;

  /** The lower-case name written to the outputs. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
