package cn.xxgk.rollup.output;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Cuts the input files, in source_file order, into consecutive ranges of {@code filesPerPart}:
 * the parts of the tables that are sorted by source_file first (reports, metrics, findings,
 * rejects, superseded). Each part is gathered, sorted and written by one worker, and the parts in
 * order are the table in order, so no worker ever holds a whole table. Built in the driver from
 * the matched file names (a few bytes per part reach the workers); any text, also one that is no
 * input file (a finding of the registry), falls in exactly one range.
 */
public record FileParts(List<String> firstFiles) implements Serializable {
  /** Files per part: 1,000 reports make a metrics part of 200,000 rows, a few MB of Parquet. */
  public static final int FILES_PER_PART = 1000;

  public FileParts {
    firstFiles = List.copyOf(firstFiles);
  }

  /** The ranges of {@code filesPerPart} files of {@code sourceFiles} (any order). */
  public static FileParts of(Collection<String> sourceFiles, int filesPerPart) {
    if (filesPerPart < 1) {
      throw new IllegalArgumentException("filesPerPart must be at least 1");
    }
    List<String> sorted = new ArrayList<>(sourceFiles);
    Collections.sort(sorted);
    List<String> first = new ArrayList<>();
    for (int i = filesPerPart; i < sorted.size(); i += filesPerPart) {
      first.add(sorted.get(i));
    }
    return new FileParts(first);
  }

  /** The part a source_file belongs to: 0 up to the number of ranges minus one; monotone in the text. */
  public int of(String sourceFile) {
    int i = Collections.binarySearch(firstFiles, sourceFile);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** How many parts there are. */
  public int count() {
    return firstFiles.size() + 1;
  }
}
