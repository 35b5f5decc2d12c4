package cn.xxgk.rollup.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputSpecTest {
  @TempDir Path dir;

  @Test
  void aDirectoryMeansEveryFileUnderItRecursively() throws Exception {
    Files.createDirectories(dir.resolve("corrections"));
    InputSpec spec = InputSpec.of(dir.toString());
    assertEquals(dir.toAbsolutePath() + "/", spec.root());
    assertEquals(dir.toAbsolutePath() + "/**", spec.pattern());
    assertEquals("corrections/x.txt", spec.relativize(dir.toAbsolutePath() + "/corrections/x.txt"));
  }

  @Test
  void aGlobIsRelativeToItsLastPlainFolder() {
    InputSpec spec = InputSpec.of(dir + "/2024/*.txt");
    assertEquals(dir.toAbsolutePath() + "/2024/", spec.root());
    assertEquals(dir.toAbsolutePath() + "/2024/*.txt", spec.pattern());
    InputSpec remote = InputSpec.of("gs://bucket/reports/*.txt");
    assertEquals("gs://bucket/reports/", remote.root());
  }

  @Test
  void hiddenFilesAndFoldersAreSkipped() {
    assertTrue(InputSpec.isHidden(".DS_Store"));
    assertTrue(InputSpec.isHidden(".git/config"));
    assertTrue(InputSpec.isHidden("a/.~lock.report.txt#"));
    assertFalse(InputSpec.isHidden("corrections/report.r2.txt"));
  }
}
