package cn.xxgk.rollup.ingest;

import java.io.Serializable;

/**
 * Per-file limits that bound the work one file can cost, deterministic (counted, not timed).
 *
 * @param maxInflatedBytes a .docx may inflate to at most this many bytes
 * @param maxInflateRatio and to at most this many times its packed size
 * @param maxPdfPages a PDF may have at most this many pages
 * @param maxHtmlDepth an HTML page may nest container tags at most this deep
 * @param maxLineChars a line of text may be at most this long
 * @param maxCells a document may have at most this many table cells (words and numbers)
 */
public record ParseLimits(long maxInflatedBytes, int maxInflateRatio, int maxPdfPages, int maxHtmlDepth,
    int maxLineChars, int maxCells) implements Serializable {
  public static final ParseLimits DEFAULT = new ParseLimits(100L * 1024 * 1024, 200, 200, 1000, 200_000, 500_000);
}
