package org.watchdogmenu.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The check threads are bounded by the number of targets, and a late start is reported. */
class RunsPoolTest {
  @Test
  void threadsGrowWithTheTargetsWithinBounds() {
    assertThat(Runs.threadsFor(0)).isEqualTo(2);
    assertThat(Runs.threadsFor(20)).isEqualTo(3);
    assertThat(Runs.threadsFor(500)).isEqualTo(63);
    assertThat(Runs.threadsFor(2000)).isEqualTo(Runs.MAX_THREADS);
  }

  @Test
  void aCheckThatStartsAfterItWasDueIsReportedLate() throws Exception {
    Runs runs = new Runs();
    CountDownLatch done = new CountDownLatch(2);
    long tenSecondsAgo = System.nanoTime() - Duration.ofSeconds(10).toNanos();
    assertThat(runs.start("late", tenSecondsAgo, done::countDown)).isTrue();
    assertThat(runs.start("on-time", done::countDown)).isTrue();
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(runs.finish(Duration.ofSeconds(30))).isTrue();

    Runs.Late late = runs.takeLate().orElseThrow();
    assertThat(late.count()).isEqualTo(1);
    assertThat(late.some()).containsExactly("late");
    assertThat(late.worst()).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
    assertThat(runs.takeLate()).isEmpty();
  }

  @Test
  void aTargetWaitingForAThreadIsNotQueuedTwice() throws Exception {
    Runs runs = new Runs();
    runs.fit(1, Duration.ofSeconds(10));
    CountDownLatch release = new CountDownLatch(1);
    Runnable hold =
        () -> {
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    assertThat(runs.start("a", hold)).isTrue();
    assertThat(runs.start("b", hold)).isTrue();
    assertThat(runs.start("c", hold)).isTrue(); // waits: two threads for one target
    assertThat(runs.start("c", hold)).isFalse();
    release.countDown();
    assertThat(runs.finish(Duration.ofSeconds(30))).isTrue();
    assertThat(runs.running()).isEmpty();
  }
}
