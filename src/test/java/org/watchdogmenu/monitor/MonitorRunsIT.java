package org.watchdogmenu.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MonitorRunsIT {
  private final Runs runs = new Runs();

  @Test
  void aCheckStillRunningIsNotStartedAgainAndASlowTargetDoesNotDelayOthers() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch fastDone = new CountDownLatch(1);
    AtomicInteger slowStarts = new AtomicInteger();
    assertThat(runs.start("slow", () -> block(slowStarts, release))).isTrue();
    assertThat(runs.start("slow", () -> block(slowStarts, release))).isFalse();
    assertThat(runs.start("fast", fastDone::countDown)).isTrue();

    assertThat(fastDone.await(5, TimeUnit.SECONDS)).as("fast ran while slow blocks").isTrue();
    awaitRunning(Set.of("slow"));
    release.countDown();
    assertThat(runs.finish(Duration.ofSeconds(5))).isTrue();
    assertThat(slowStarts).hasValue(1);
    assertThat(runs.running()).isEmpty();
  }

  @Test
  void finishWaitsForTheRunningCheck() throws Exception {
    AtomicInteger done = new AtomicInteger();
    runs.start(
        "a",
        () -> {
          sleep(300);
          done.incrementAndGet();
        });
    assertThat(runs.finish(Duration.ofSeconds(5))).isTrue();
    assertThat(done).hasValue(1);
  }

  @Test
  void aTargetMayRunAgainOnceItsCheckEnded() throws Exception {
    CountDownLatch first = new CountDownLatch(1);
    runs.start("a", first::countDown);
    assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
    awaitRunning(Set.of());
    CountDownLatch second = new CountDownLatch(1);
    assertThat(runs.start("a", second::countDown)).isTrue();
    assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
  }

  private void awaitRunning(Set<String> ids) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!runs.running().equals(ids) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(runs.running()).isEqualTo(ids);
  }

  private static void block(AtomicInteger starts, CountDownLatch release) {
    starts.incrementAndGet();
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
