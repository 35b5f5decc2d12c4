package cn.xxgk.rollup.model;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a report's file came from, for choosing among versions and for the manifest: its
 * SHA-256, size, modification time and explicit revision (a {@code .r2} file-name suffix or a
 * structured submission's {@code revision}), null when it has none.
 */
public record Provenance(String sha256, long sizeBytes, long lastModifiedMillis, Integer revision)
    implements Serializable {
  public static final Provenance UNKNOWN = new Provenance("", 0, 0, null);
  /** report.r2.txt, report.r2.pdf, report_r2.json: revision 2. */
  private static final Pattern REVISION_SUFFIX = Pattern.compile("[._-][rR](\\d{1,6})(?:\\.[^./]+)?$");

  /** The revision a file name states, or null. */
  public static Integer revisionOf(String path) {
    Matcher m = REVISION_SUFFIX.matcher(path);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  /** Whether a path is under a corrections/ folder. */
  public static boolean inCorrections(String path) {
    for (String segment : path.split("/")) {
      if (segment.equalsIgnoreCase("corrections")) {
        return true;
      }
    }
    return false;
  }
}
