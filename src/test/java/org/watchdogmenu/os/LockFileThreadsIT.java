package org.watchdogmenu.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two threads of one JVM (the OS lock alone would let both in). */
class LockFileThreadsIT {
  private static final Clock CLOCK = Clock.systemUTC();

  @TempDir Path dir;

  @Test
  void createsTheLockFileAndItsFolder() throws Exception {
    Path file = dir.resolve("sub/state.txt.lock");

    try (LockFile.Held held = LockFile.acquire(file, Duration.ofSeconds(1), CLOCK).orElseThrow()) {
      assertThat(file).exists();
    }
  }

  @Test
  void secondAcquirerWaitsForTheTimeoutThenGetsNothing() throws Exception {
    Path file = dir.resolve("state.lock");
    try (LockFile.Held held = LockFile.acquire(file, Duration.ofSeconds(1), CLOCK).orElseThrow()) {

      long start = System.nanoTime();
      Optional<LockFile.Held> second =
          CompletableFuture.supplyAsync(() -> acquire(file, Duration.ofMillis(400)))
              .get(5, TimeUnit.SECONDS);
      long waitedMs = (System.nanoTime() - start) / 1_000_000;

      assertThat(second).isEmpty();
      assertThat(waitedMs).isBetween(380L, 2000L);
    }
  }

  @Test
  void releasedLockCanBeTakenAgain() throws Exception {
    Path file = dir.resolve("state.lock");
    LockFile.acquire(file, Duration.ofSeconds(1), CLOCK).orElseThrow().close();

    Optional<LockFile.Held> again =
        CompletableFuture.supplyAsync(() -> acquire(file, Duration.ofMillis(100)))
            .get(5, TimeUnit.SECONDS);

    assertThat(again).isPresent();
    again.get().close();
  }

  @Test
  void waitingAcquirerGetsTheLockAsSoonAsItIsReleased() throws Exception {
    Path file = dir.resolve("state.lock");
    LockFile.Held first = LockFile.acquire(file, Duration.ofSeconds(1), CLOCK).orElseThrow();
    CountDownLatch waiting = new CountDownLatch(1);

    CompletableFuture<Optional<LockFile.Held>> second =
        CompletableFuture.supplyAsync(
            () -> {
              waiting.countDown();
              return acquire(file, Duration.ofSeconds(10));
            });
    waiting.await();
    Thread.sleep(200);
    assertThat(second).isNotDone();
    long released = System.nanoTime();
    first.close();

    Optional<LockFile.Held> got = second.get(5, TimeUnit.SECONDS);
    assertThat(got).isPresent();
    assertThat((System.nanoTime() - released) / 1_000_000).isLessThan(2000L);
    got.get().close();
  }

  @Test
  void differentFilesDoNotExcludeEachOther() throws Exception {
    try (LockFile.Held a =
        LockFile.acquire(dir.resolve("a.lock"), Duration.ofSeconds(1), CLOCK).orElseThrow()) {
      Optional<LockFile.Held> b =
          CompletableFuture.supplyAsync(() -> acquire(dir.resolve("b.lock"), Duration.ZERO))
              .get(5, TimeUnit.SECONDS);
      assertThat(b).isPresent();
      b.get().close();
    }
  }

  @Test
  void sameFileNamedTwoWaysIsOneLock() throws Exception {
    Files.createDirectories(dir.resolve("x"));
    try (LockFile.Held a =
        LockFile.acquire(dir.resolve("state.lock"), Duration.ofSeconds(1), CLOCK).orElseThrow()) {
      Optional<LockFile.Held> b =
          CompletableFuture.supplyAsync(
                  () -> acquire(dir.resolve("x/../state.lock"), Duration.ofMillis(100)))
              .get(5, TimeUnit.SECONDS);
      assertThat(b).isEmpty();
    }
  }

  @Test
  void lockTakenOnOneThreadCanBeReleasedOnAnother() throws Exception {
    Path file = dir.resolve("state.lock");
    LockFile.Held taken =
        CompletableFuture.supplyAsync(() -> acquire(file, Duration.ofSeconds(1)))
            .get(5, TimeUnit.SECONDS)
            .orElseThrow();

    taken.close();

    Optional<LockFile.Held> again =
        CompletableFuture.supplyAsync(() -> acquire(file, Duration.ofMillis(100)))
            .get(5, TimeUnit.SECONDS);
    assertThat(again).isPresent();
    again.get().close();
  }

  @Test
  void closingTwiceDoesNotLetTwoHoldersIn() throws Exception {
    Path file = dir.resolve("state.lock");
    LockFile.Held first = LockFile.acquire(file, Duration.ofSeconds(1), CLOCK).orElseThrow();
    first.close();
    first.close();

    try (LockFile.Held second =
        LockFile.acquire(file, Duration.ofSeconds(1), CLOCK).orElseThrow()) {
      Optional<LockFile.Held> third =
          CompletableFuture.supplyAsync(() -> acquire(file, Duration.ofMillis(200)))
              .get(5, TimeUnit.SECONDS);
      assertThat(third).isEmpty();
    }
  }

  @Test
  void sameThreadCannotTakeItTwice() throws Exception {
    Path file = dir.resolve("state.lock");
    try (LockFile.Held held = LockFile.acquire(file, Duration.ofSeconds(1), CLOCK).orElseThrow()) {
      assertThat(LockFile.acquire(file, Duration.ofMillis(200), CLOCK)).isEmpty();
    }
  }

  private static Optional<LockFile.Held> acquire(Path file, Duration timeout) {
    try {
      return LockFile.acquire(file, timeout, CLOCK);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
