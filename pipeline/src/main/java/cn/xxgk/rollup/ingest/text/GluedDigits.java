package cn.xxgk.rollup.ingest.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Splits a run of glued digits (a crawler dropped the separators: {@code 21710000218}) into a
 * fixed number of non-negative integers. Spaces that survived inside the run are boundaries a
 * number cannot cross; a number has no leading zero unless it is 0; only readings the caller's
 * test accepts (the template's identities) are kept. The search is bounded: it counts the
 * readings it tries and gives up past a budget, so a corrupted 40-digit run costs a known amount
 * of work, never an exponential one.
 */
public final class GluedDigits {
  /** Longest number one cell may hold (12 digits: above any real count). */
  static final int MAX_DIGITS = 12;

  private GluedDigits() {}

  /**
   * A test of a partial reading: called each time a number is placed, with the count placed so
   * far, so that an identity is checked as soon as its cells are known and dead branches are cut
   * early. A reading is kept only if the test passes with every cell placed.
   */
  @FunctionalInterface
  public interface Test {
    boolean test(long[] cells, int placed);

    /** A test of complete readings only. */
    static Test whole(Predicate<long[]> p) {
      return (cells, placed) -> placed < cells.length || p.test(cells);
    }
  }

  /** The search needed more steps than its budget. */
  public static final class BudgetExceeded extends Exception {
    public BudgetExceeded(int budget) {
      super("more than " + budget + " readings tried", null, false, false);
    }
  }

  /**
   * Every reading of the segments as exactly {@code n} numbers that {@code accept} accepts.
   * Complexity is bounded by {@code budget} partial readings, whatever the input.
   *
   * @param segments digit strings in order; a number never spans two segments
   * @param budget the most partial readings to try
   */
  public static List<long[]> splits(List<String> segments, int n, Test accept, int budget)
      throws BudgetExceeded {
    for (String s : segments) {
      if (s.isEmpty() || !s.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("not a digit segment: '" + s + "'");
      }
    }
    List<long[]> out = new ArrayList<>();
    int[] steps = {0};
    search(segments, 0, 0, new long[n], 0, accept, budget, steps, out);
    return out;
  }

  private static void search(List<String> segs, int seg, int pos, long[] cells, int cell,
      Test accept, int budget, int[] steps, List<long[]> out) throws BudgetExceeded {
    if (++steps[0] > budget) {
      throw new BudgetExceeded(budget);
    }
    if (cell > 0 && !accept.test(cells, cell)) {
      return;
    }
    if (seg == segs.size()) {
      if (cell == cells.length) {
        out.add(cells.clone());
      }
      return;
    }
    int cellsLeft = cells.length - cell;
    int segsLeft = segs.size() - seg;
    int digitsLeft = segs.get(seg).length() - pos;
    for (int s = seg + 1; s < segs.size(); s++) {
      digitsLeft += segs.get(s).length();
    }
    // every remaining segment needs a number of its own; no number is longer than MAX_DIGITS
    if (cellsLeft < segsLeft || (long) cellsLeft * MAX_DIGITS < digitsLeft || cellsLeft > digitsLeft) {
      return;
    }
    String s = segs.get(seg);
    int maxLen = s.charAt(pos) == '0' ? 1 : Math.min(MAX_DIGITS, s.length() - pos);
    for (int len = 1; len <= maxLen; len++) {
      cells[cell] = Long.parseLong(s, pos, pos + len, 10);
      if (pos + len == s.length()) {
        search(segs, seg + 1, 0, cells, cell + 1, accept, budget, steps, out);
      } else {
        search(segs, seg, pos + len, cells, cell + 1, accept, budget, steps, out);
      }
    }
  }
}
