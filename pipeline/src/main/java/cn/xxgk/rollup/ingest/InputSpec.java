package cn.xxgk.rollup.ingest;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code --input} means: a directory (every regular file under it, recursively) or a glob.
 * {@code root} is the directory that {@code source_file} paths are relative to.
 */
public record InputSpec(String root, String pattern) implements Serializable {
  private static final String GLOB_CHARS = "*?[{";

  public static InputSpec of(String input) {
    boolean remote = input.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    int glob = firstGlobChar(input);
    if (glob < 0) {
      boolean dir = remote ? input.endsWith("/") : Files.isDirectory(Path.of(input));
      if (dir) {
        String root = withSlash(remote ? input : Path.of(input).toAbsolutePath().normalize().toString());
        return new InputSpec(root, root + "**");
      }
      String file = remote ? input : Path.of(input).toAbsolutePath().normalize().toString();
      return new InputSpec(file.substring(0, file.lastIndexOf('/') + 1), file);
    }
    String prefix = input.substring(0, glob);
    String rootDir = prefix.substring(0, prefix.lastIndexOf('/') + 1);
    if (!remote) {
      String abs = withSlash(Path.of(rootDir.isEmpty() ? "." : rootDir).toAbsolutePath().normalize().toString());
      return new InputSpec(abs, abs + input.substring(rootDir.length()));
    }
    return new InputSpec(rootDir, input);
  }

  /** The path of a matched file relative to the root, with / separators. */
  public String relativize(String matchedPath) {
    return matchedPath.startsWith(root) ? matchedPath.substring(root.length()) : matchedPath;
  }

  /** Hidden files and files in hidden folders are skipped (.git, .DS_Store, editor temp files). */
  public static boolean isHidden(String relativePath) {
    for (String segment : relativePath.split("/")) {
      if (segment.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static int firstGlobChar(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (GLOB_CHARS.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static String withSlash(String s) {
    return s.endsWith("/") ? s : s + "/";
  }
}
