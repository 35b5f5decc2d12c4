package cn.xxgk.rollup.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FilePartsTest {
  private static final List<String> FILES = List.of("e.txt", "a.txt", "d/x.txt", "c.txt", "b.txt");

  @Test
  void rangesOfConsecutiveFilesInSourceFileOrder() {
    FileParts parts = FileParts.of(FILES, 2);

    assertEquals(List.of("c.txt", "e.txt"), parts.firstFiles());
    assertEquals(3, parts.count());
    assertEquals(List.of(0, 0, 1, 1, 2), List.of("a.txt", "b.txt", "c.txt", "d/x.txt", "e.txt").stream().map(parts::of).toList());
  }

  @Test
  void anyTextFallsInOneRangeInOrder() {
    FileParts parts = FileParts.of(FILES, 2);

    assertEquals(0, parts.of("/abs/registry.csv")); // before every relative name
    assertEquals(0, parts.of("bz.txt"));
    assertEquals(1, parts.of("c.txt0"));
    assertEquals(2, parts.of("zz.txt"));
  }

  @Test
  void fewerFilesThanAPartMakeOnePart() {
    assertEquals(1, FileParts.of(FILES, 1000).count());
    assertEquals(0, FileParts.of(List.of(), 1000).of("a.txt"));
  }
}
