package cn.xxgk.rollup.ingest.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GluedDigitsTest {
  /** Table 三: the last of seven cells is the sum of the other six. */
  private static final GluedDigits.Test ROW_TOTAL =
      GluedDigits.Test.whole(c -> c[0] + c[1] + c[2] + c[3] + c[4] + c[5] == c[6]);
  private static final GluedDigits.Test ANY = GluedDigits.Test.whole(c -> true);

  /** Table 四: in each group of five, the fifth is the sum of the four before it. */
  private static final GluedDigits.Test GROUP_TOTALS = (c, placed) -> {
    for (int g = 0; g + 5 <= placed; g += 5) {
      if (c[g] + c[g + 1] + c[g + 2] + c[g + 3] != c[g + 4]) {
        return false; // a group is checked as soon as its total is placed
      }
    }
    return true;
  };

  @Test
  void aRowWithItsTotalHasOneReading() throws Exception {
    List<long[]> r = GluedDigits.splits(List.of("21710000218"), 7, ROW_TOTAL, 100_000);
    assertEquals(1, r.size());
    assertArrayEquals(new long[] {217, 1, 0, 0, 0, 0, 218}, r.get(0));
  }

  @Test
  void tableFoursFifteenCellsFromOneRun() throws Exception {
    List<long[]> r = GluedDigits.splits(List.of("21317000001324019"), 15, GROUP_TOTALS, 100_000);
    assertEquals(1, r.size());
    assertArrayEquals(new long[] {2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19}, r.get(0));
  }

  @Test
  void spacesThatSurvivedAreBoundaries() throws Exception {
    // 平潭 2019: "230 000023" and "23 0 00 0 023"
    assertArrayEquals(new long[] {23, 0, 0, 0, 0, 0, 23},
        GluedDigits.splits(List.of("230", "000023"), 7, ROW_TOTAL, 100_000).get(0));
    List<long[]> r = GluedDigits.splits(List.of("23", "0", "00", "0", "023"), 7, ROW_TOTAL, 100_000);
    assertEquals(1, r.size());
    assertArrayEquals(new long[] {23, 0, 0, 0, 0, 0, 23}, r.get(0));
  }

  @Test
  void withoutAnIdentityEveryReadingIsReturned() throws Exception {
    // table 二 has no identity: 6233440 as three numbers
    List<String> readings = GluedDigits.splits(List.of("6233440"), 3, ANY, 100_000).stream()
        .map(c -> c[0] + "," + c[1] + "," + c[2]).collect(Collectors.toList());
    assertEquals(List.of("6,2,33440", "6,23,3440", "6,233,440", "6,2334,40", "6,23344,0",
        "62,3,3440", "62,33,440", "62,334,40", "62,3344,0", "623,3,440", "623,34,40", "623,344,0",
        "6233,4,40", "6233,44,0", "62334,4,0"), readings);
  }

  @Test
  void noLeadingZerosAndImpossibleRunsHaveNoReading() throws Exception {
    assertEquals(List.of(), GluedDigits.splits(List.of("1234"), 7, ANY, 100_000));
    assertEquals(List.of(), GluedDigits.splits(List.of("0123"), 2, ANY, 100_000).stream()
        .filter(c -> c[0] != 0).collect(Collectors.toList()));
    assertEquals(1, GluedDigits.splits(List.of("0123"), 2, ANY, 100_000).size()); // 0 | 123
    assertEquals(List.of(), GluedDigits.splits(List.of("21710000219"), 7, ROW_TOTAL, 100_000));
  }

  @Test
  void checkingEachGroupAsSoonAsItIsPlacedKeepsLongRunsCheap() throws Exception {
    // 淮安 2024 table 四 glued: 26 digits into 15 cells, 4.4 million readings without pruning
    List<String> r = GluedDigits.splits(List.of("72641783735113481261211620"), 15, GROUP_TOTALS, 100_000)
        .stream().map(java.util.Arrays::toString).collect(Collectors.toList());
    // the last group "1211620" really has three readings (1+2+1+16, 1+2+11+6, 12+1+1+6 = 20);
    // the report's text must decide
    assertEquals(List.of(
        "[72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 1, 2, 1, 16, 20]",
        "[72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 1, 2, 11, 6, 20]",
        "[72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]"), r);
  }

  @Test
  void aLongCorruptedRunCostsABoundedAmountOfWork() {
    String forty = "9183746529183746529183746529183746529183";
    // 40 digits into 7 cells with no leading zeros: millions of readings, stopped by the budget
    assertThrows(GluedDigits.BudgetExceeded.class, () -> GluedDigits.splits(List.of(forty), 7, ROW_TOTAL, 100_000));
    // and into 15 cells: numbers are at most 12 digits, still bounded
    assertThrows(GluedDigits.BudgetExceeded.class, () -> GluedDigits.splits(List.of(forty), 15, GROUP_TOTALS, 100_000));
  }

  @Test
  void tooManyDigitsForTheCellsIsPrunedAtOnce() throws Exception {
    // 7 cells of at most 12 digits cannot hold 100 digits: no search at all
    assertEquals(List.of(), GluedDigits.splits(List.of("1".repeat(100)), 7, ROW_TOTAL, 10));
  }
}
