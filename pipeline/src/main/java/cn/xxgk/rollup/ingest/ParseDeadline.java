package cn.xxgk.rollup.ingest;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The last safety net of parsing: a file whose parse runs past a wall-clock deadline is rejected
 * ({@code parse_timeout}) and the run goes on. The counted limits of {@link ParseLimits} bound the
 * work first; this only catches what they miss, and its result depends on machine load, so it is
 * generous by default. A parse that overruns cannot be stopped safely in Java: its thread is
 * interrupted and abandoned (a daemon, so it never holds the JVM), and the next file gets a new one.
 * One instance per DoFn instance, used by one thread at a time.
 */
public final class ParseDeadline implements AutoCloseable {
  /** A piece of parsing work. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws RejectException;
  }

  private final Duration limit;
  private ExecutorService worker;

  /** @param limit the deadline per call; zero or negative runs the work on the caller's thread */
  public ParseDeadline(Duration limit) {
    this.limit = limit;
  }

  public <T> T call(Work<T> work) throws RejectException {
    if (limit.isZero() || limit.isNegative()) {
      return work.run();
    }
    if (worker == null) {
      worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "xxgk-parse");
        t.setDaemon(true);
        return t;
      });
    }
    Future<T> future = worker.submit(work::run);
    try {
      return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      worker.shutdownNow();
      worker = null;
      throw RejectException.of("parse_timeout", "seconds",
          limit.toMillis() % 1000 == 0 ? (Object) limit.toSeconds() : (Object) (limit.toMillis() / 1000.0));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new IllegalStateException("interrupted while parsing", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RejectException r) {
        throw r;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  @Override
  public void close() {
    if (worker != null) {
      worker.shutdownNow();
      worker = null;
    }
  }
}
