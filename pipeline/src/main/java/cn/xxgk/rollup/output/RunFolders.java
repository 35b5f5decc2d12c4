package cn.xxgk.rollup.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Safe publishing of a run on a local file system. Each run writes into a new folder
 * {@code <output>.runs/<run-id>/}; only when everything (tables, manifest, {@code _SUCCESS}) is
 * there does {@code <output>} — a symbolic link — switch to it, in one atomic rename. Readers keep
 * the same paths ({@code <output>/csv/<table>.csv}) and never see a half-written run; a run that
 * fails or is killed leaves the published one as it was. A lock file keeps two runs on the same
 * output from interleaving.
 */
public final class RunFolders implements AutoCloseable {
  public static final String SUCCESS = "_SUCCESS";
  private final Path output;
  private final Path runs;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private RunFolders(Path output, FileChannel lockChannel, FileLock lock) {
    this.output = output;
    this.runs = output.resolveSibling(output.getFileName() + ".runs");
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /** Takes the output's lock; throws {@link LockedException} at once when another run holds it. */
  public static RunFolders lock(Path output) throws IOException {
    Path abs = output.toAbsolutePath().normalize();
    Files.createDirectories(abs.getParent());
    Path lockFile = abs.resolveSibling(abs.getFileName() + ".lock");
    FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      l = null;
    }
    if (l == null) {
      channel.close();
      throw new LockedException(lockFile);
    }
    return new RunFolders(abs, channel, l);
  }

  /** Another run holds the lock. */
  public static final class LockedException extends IOException {
    public LockedException(Path lockFile) {
      super("another run is writing to this output (lock " + lockFile + " is held); nothing was done");
    }
  }

  /** The folder of the run now published, or null (nothing published yet). */
  public Path published() throws IOException {
    if (Files.isSymbolicLink(output)) {
      Path target = output.resolveSibling(Files.readSymbolicLink(output)).normalize();
      return Files.exists(target.resolve(SUCCESS)) ? target : null;
    }
    // an output folder written before run folders existed
    return Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS) ? output : null;
  }

  /** A new, empty folder for the run. */
  public Path newRun(String runId) throws IOException {
    Path dir = runs.resolve(runId);
    Files.createDirectories(dir);
    return dir;
  }

  /** Marks the run complete and switches {@code <output>} to it in one step. */
  public void publish(Path runDir) throws IOException {
    Files.writeString(runDir.resolve(SUCCESS), "");
    if (Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
      // one-time migration of a plain output folder: keep it as an old run
      Files.move(output, runs.resolve("legacy-" + runDir.getFileName()));
    }
    Path tmp = output.resolveSibling(output.getFileName() + ".publishing");
    Files.deleteIfExists(tmp);
    Files.createSymbolicLink(tmp, output.getParent().relativize(runDir));
    try {
      Files.move(tmp, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.deleteIfExists(tmp);
      throw new IOException("the output's file system cannot rename atomically; publish to a local disk", e);
    }
  }

  /** Deletes all but the newest {@code keep} run folders; never the published one. */
  public void prune(int keep) throws IOException {
    Path current = published();
    List<Path> all = new ArrayList<>();
    try (Stream<Path> s = Files.list(runs)) {
      s.filter(Files::isDirectory).forEach(all::add);
    }
    all.sort(Comparator.comparing(Path::getFileName).reversed());
    for (int i = Math.max(keep, 1); i < all.size(); i++) {
      Path dir = all.get(i);
      if (current == null || !dir.equals(current)) {
        deleteTree(dir);
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Override
  public void close() throws IOException {
    lock.release();
    lockChannel.close();
  }
}
