package cn.xxgk.rollup.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xxgk.rollup.Samples;
import cn.xxgk.rollup.model.Report;
import cn.xxgk.rollup.model.TemplateCatalog;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ParseDeadlineTest {
  @Test
  void aParseThatNeverEndsIsRejectedAndTheNextFileStillParses() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    ReportParser parser = new ReportParser(TemplateCatalog.get(), ParseLimits.DEFAULT);
    String sample = Samples.PARSED.get(0);
    try (ParseDeadline deadline = new ParseDeadline(Duration.ofMillis(300))) {
      RejectException e = assertThrows(RejectException.class, () -> deadline.call(() -> {
        try {
          never.await(); // a parser stuck for good
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
        return null;
      }));
      assertEquals("parse_timeout", e.reasonCode());
      assertEquals(0.3, e.params().get("seconds"));
      assertTrue(e.toReject("x.txt").messageZh().contains("0.3秒"), e.toReject("x.txt").messageZh());

      Report r = deadline.call(() -> parser.parse(sample, Samples.bytes(sample)));
      assertEquals(parser.parse(sample, Samples.bytes(sample)), r);
    }
  }

  @Test
  void rejectsAndBugsOfTheWorkPassThroughUnchanged() throws Exception {
    try (ParseDeadline deadline = new ParseDeadline(Duration.ofSeconds(60))) {
      RejectException reject = RejectException.of("empty_file");
      assertSame(reject, assertThrows(RejectException.class, () -> deadline.call(() -> {
        throw reject;
      })));
      IllegalArgumentException bug = new IllegalArgumentException("bug");
      assertSame(bug, assertThrows(IllegalArgumentException.class, () -> deadline.call(() -> {
        throw bug;
      })));
    }
  }

  @Test
  void zeroRunsOnTheCallersThread() throws Exception {
    Thread caller = Thread.currentThread();
    assertSame(caller, new ParseDeadline(Duration.ZERO).call(Thread::currentThread));
  }
}
