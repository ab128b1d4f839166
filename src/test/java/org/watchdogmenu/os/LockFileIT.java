package org.watchdogmenu.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock against another JVM, as two cron runs of the engine would meet. */
class LockFileIT {
  private static final Clock CLOCK = Clock.systemUTC();

  @TempDir Path dir;
  private Process holder;

  @AfterEach
  void stopHolder() {
    if (holder != null) {
      holder.destroyForcibly();
    }
  }

  @Test
  void lockHeldByAnotherProcessMakesUsWaitAndFail() throws Exception {
    Path file = dir.resolve("state.lock");
    holder = startHolder(file);

    long start = System.nanoTime();
    Optional<LockFile.Held> got = LockFile.acquire(file, Duration.ofMillis(500), CLOCK);
    long waitedMs = (System.nanoTime() - start) / 1_000_000;

    assertThat(got).isEmpty();
    assertThat(waitedMs).isBetween(480L, 3000L);
  }

  @Test
  void lockReleasedByAnotherProcessCanBeTaken() throws Exception {
    Path file = dir.resolve("state.lock");
    holder = startHolder(file);

    holder.getOutputStream().close();
    BufferedReader out = reader(holder);
    assertThat(out.readLine()).isEqualTo("released");
    assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();

    Optional<LockFile.Held> got = LockFile.acquire(file, Duration.ofSeconds(2), CLOCK);
    assertThat(got).isPresent();
    got.get().close();
  }

  @Test
  void killedHolderLeavesNoStaleLock() throws Exception {
    Path file = dir.resolve("state.lock");
    holder = startHolder(file);
    assertThat(LockFile.acquire(file, Duration.ofMillis(100), CLOCK)).isEmpty();

    holder.destroyForcibly();
    assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();

    Optional<LockFile.Held> got = LockFile.acquire(file, Duration.ofSeconds(2), CLOCK);
    assertThat(got).isPresent();
    got.get().close();
  }

  @Test
  void otherProcessWaitsWhileWeHoldTheLock() throws Exception {
    Path file = dir.resolve("state.lock");
    LockFile.Held held = LockFile.acquire(file, Duration.ofSeconds(1), CLOCK).orElseThrow();
    holder = javaProcess(file);

    // LockHolderMain waits up to 10 s: still waiting after 1 s means we exclude it.
    boolean exited = holder.waitFor(1, TimeUnit.SECONDS);
    held.close();

    assertThat(exited).as("the other process got the lock while we held it").isFalse();
    assertThat(reader(holder).readLine()).isEqualTo("locked");
  }

  /** Starts a JVM that holds the lock, and waits until it says so. */
  private static Process startHolder(Path file) throws Exception {
    Process p = javaProcess(file);
    String first = reader(p).readLine();
    assertThat(first).as("the holder process should report the lock").isEqualTo("locked");
    return p;
  }

  private static Process javaProcess(Path file) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            LockHolderMain.class.getName(),
            file.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static BufferedReader reader(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }
}
