package org.watchdogmenu.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.CommandResult.Outcome;

/** Timeouts and background processes, with real {@code sh} and {@code sleep}. */
class ExecCommandRunnerIT {
  private static final Duration HALF_SECOND = Duration.ofMillis(500);
  private final ExecCommandRunner runner = new ExecCommandRunner();
  private String marker;

  @AfterEach
  void killLeftovers() {
    if (marker != null) {
      Processes.killAll("sleep " + marker);
    }
  }

  @Test
  void timeoutKillsTheChildAndReturnsPromptly() throws Exception {
    marker = Processes.marker(20);

    CommandResult result =
        runner.run(Command.of(HALF_SECOND, "sh", "-c", "sleep " + marker + "; echo x"));

    assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
    assertThat(result.elapsed()).isGreaterThanOrEqualTo(HALF_SECOND);
    assertThat(result.elapsed()).isLessThan(Duration.ofMillis(1500));
    assertThat(result.stdout()).doesNotContain("x");
    assertThat(result.summary()).contains("timed out").contains("process tree killed");
    assertThat(Processes.awaitGone("sleep " + marker, 1000)).isEmpty();
  }

  @Test
  void timeoutKillsABackgroundedGrandchildToo() throws Exception {
    marker = Processes.marker(30);
    String child = Processes.marker(20);

    CommandResult result =
        runner.run(Command.of(HALF_SECOND, "sh", "-c", "sleep " + marker + " & sleep " + child));

    try {
      assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
      assertThat(result.elapsed()).isLessThan(Duration.ofMillis(1500));
      assertThat(Processes.awaitGone("sleep " + marker, 1000)).isEmpty();
      assertThat(Processes.awaitGone("sleep " + child, 1000)).isEmpty();
    } finally {
      Processes.killAll("sleep " + child);
    }
  }

  @Test
  void scriptThatStartsADaemonReturnsAtOnceAndTheDaemonLives() throws Exception {
    marker = Processes.marker(5);

    CommandResult result =
        runner.run(
            Command.of(
                Duration.ofSeconds(10),
                "sh",
                "-c",
                "sleep " + marker + " >/dev/null 2>&1 & echo started"));

    assertThat(result.succeeded()).isTrue();
    assertThat(result.stdout()).isEqualTo("started\n");
    assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(2));
    assertThat(Processes.pgrep("sleep " + marker)).hasSize(1);
  }

  @Test
  void daemonThatKeepsOurOutputOpenDoesNotHoldUsUp() throws Exception {
    marker = Processes.marker(5);

    CommandResult result =
        runner.run(
            Command.of(Duration.ofSeconds(10), "sh", "-c", "sleep " + marker + " & echo started"));

    assertThat(result.succeeded()).isTrue();
    assertThat(result.stdout()).isEqualTo("started\n");
    assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(2));
    assertThat(Processes.pgrep("sleep " + marker)).hasSize(1);
  }

  @Test
  void timeoutKillsADoubleForkedGrandchildThatIsNoLongerADescendant() throws Exception {
    marker = Processes.marker(300);
    String child = Processes.marker(300);

    // the subshell exits at once: its sleep is reparented to init, out of the descendants walk
    CommandResult result =
        runner.run(
            Command.of(
                HALF_SECOND, "sh", "-c", "(sh -c 'sleep " + marker + "' &) ; sleep " + child));

    try {
      assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
      assertThat(result.elapsed()).isLessThan(Duration.ofMillis(1500));
      assertThat(Processes.awaitGone("sleep " + marker, 1000)).isEmpty();
      assertThat(Processes.awaitGone("sleep " + child, 1000)).isEmpty();
      System.out.println(
          "double-forked tree killed, run returned after " + result.elapsed().toMillis() + " ms");
    } finally {
      Processes.killAll("sleep " + child);
    }
  }

  @Test
  void timeoutKillsADoubleForkedGrandchildThatClosedItsOutput() throws Exception {
    marker = Processes.marker(300);
    String child = Processes.marker(300);

    CommandResult result =
        runner.run(
            Command.of(
                HALF_SECOND,
                "sh",
                "-c",
                "(sleep " + marker + " </dev/null >/dev/null 2>&1 &) ; sleep " + child));

    try {
      assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
      assertThat(result.elapsed()).isLessThan(Duration.ofMillis(1500));
      assertThat(Processes.awaitGone("sleep " + marker, 1000)).isEmpty();
    } finally {
      Processes.killAll("sleep " + child);
    }
  }

  @Test
  void aGrandchildThatStartsASessionOfItsOwnEscapesTheTimeout() throws Exception {
    // documented limit: setsid(2) is how a daemon detaches on purpose; it is out of reach
    marker = Processes.marker(30);
    String child = Processes.marker(300);

    CommandResult result =
        runner.run(
            Command.of(
                HALF_SECOND,
                "sh",
                "-c",
                "(setsid sleep " + marker + " </dev/null >/dev/null 2>&1 &) ; sleep " + child));

    try {
      assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
      Thread.sleep(200);
      assertThat(Processes.pgrep("sleep " + marker)).hasSize(1);
      assertThat(Processes.awaitGone("sleep " + child, 1000)).isEmpty();
    } finally {
      Processes.killAll("sleep " + child);
    }
  }

  @Test
  void aGibibyteOfOutputIsCappedAndNothingIsWrittenToTmp() throws Exception {
    Set<String> before = tmpNames();
    List<String> grown = new ArrayList<>();
    Thread watcher =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                for (String name : tmpNames()) {
                  if (!before.contains(name) && suspicious(name)) {
                    synchronized (grown) {
                      grown.add(name);
                    }
                  }
                }
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    watcher.start();
    CommandResult result;
    try {
      result = runner.run(Command.of(Duration.ofSeconds(60), "head", "-c", "1G", "/dev/zero"));
    } finally {
      watcher.interrupt();
      watcher.join();
    }

    assertThat(result.succeeded()).isTrue();
    assertThat(result.stdout()).hasSize(64 * 1024);
    assertThat(grown).isEmpty();
    System.out.println(
        "1 GiB of output read and dropped in " + result.elapsed().toMillis() + " ms");
  }

  @Test
  void aRestartThatStartsADaemonReturnsAtOnceAndTheDaemonKeepsWritingToTheLog(@TempDir Path dir)
      throws Exception {
    marker = Processes.marker(30);
    Path log =
        Files.writeString(dir.resolve("cron.log"), "[2025-02-14T10:30:00Z] Restarting demo\n");
    Set<String> before = tmpNames();

    CommandResult result =
        runner.run(
            Command.of(
                    Duration.ofSeconds(10),
                    "sh",
                    "-c",
                    "(sleep 0.5; echo daemon-$$-later; exec sleep " + marker + ") & echo started")
                .appendOutputTo(log));

    assertThat(result.succeeded()).isTrue();
    assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(2));
    assertThat(result.stderr()).isEqualTo("started\n");
    assertThat(result.note()).isEmpty();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!Files.readString(log).contains("later") && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(Files.readString(log))
        .startsWith("[2025-02-14T10:30:00Z] Restarting demo\nstarted\n")
        .containsPattern("daemon-\\d+-later\n");
    List<Long> daemon = Processes.pgrep("sleep " + marker);
    assertThat(daemon).hasSize(1);
    assertThat(Files.readSymbolicLink(Path.of("/proc/" + daemon.get(0) + "/fd/1"))).isEqualTo(log);
    assertThat(Files.readSymbolicLink(Path.of("/proc/" + daemon.get(0) + "/fd/2"))).isEqualTo(log);
    assertThat(tmpNames()).allMatch(n -> before.contains(n) || !n.startsWith("watchdog-menu-"));
  }

  @Test
  void manyRunsLeaveNoDescriptorOrThreadBehind(@TempDir Path dir) throws Exception {
    marker = Processes.marker(30);
    Path log = dir.resolve("x.log");
    runner.run(Command.of(Duration.ofSeconds(5), "true"));
    int before = openDescriptors();

    for (int i = 0; i < 10; i++) {
      runner.run(Command.of(Duration.ofSeconds(5), "sh", "-c", "echo hi; echo ho >&2"));
      runner.run(
          Command.of(Duration.ofSeconds(5), "sh", "-c", "sleep " + marker + " & echo started"));
      runner.run(Command.of(Duration.ofSeconds(5), "sh", "-c", "echo logged").appendOutputTo(log));
      runner.run(Command.of(Duration.ofSeconds(5), "/nonexistent/program"));
    }
    runner.run(Command.of(Duration.ofMillis(200), "sleep", "5"));

    assertThat(openDescriptors()).isLessThanOrEqualTo(before + 2);
    Thread.sleep(100);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("watchdog-menu-output"));
    assertThat(Files.readAllLines(log)).hasSize(10);
  }

  private static int openDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return (int) fds.count();
    }
  }

  private static Set<String> tmpNames() {
    Set<String> names = new HashSet<>();
    try (Stream<Path> all = Files.list(Path.of("/tmp"))) {
      all.forEach(p -> names.add(p.getFileName().toString()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return names;
  }

  /** Ours (the old runner's temp files), or a new file in /tmp growing past 1 MB. */
  private static boolean suspicious(String name) {
    if (name.startsWith("watchdog-menu-")) {
      return true;
    }
    try {
      Path p = Path.of("/tmp", name);
      return Files.isRegularFile(p) && Files.size(p) > 1024 * 1024;
    } catch (IOException e) {
      return false;
    }
  }
}
