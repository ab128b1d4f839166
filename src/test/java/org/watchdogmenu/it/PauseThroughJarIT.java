package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A maintenance pause through the real jar: a failing target is checked but not restarted by a
 * check, by cron's restart or by the monitor while it is paused, a forced restart still runs, and
 * resume or the pause's end brings the restarts back.
 */
class PauseThroughJarIT {
  @TempDir Path dir;
  private Sandbox sandbox;
  private Path restarts;
  private final List<AutoCloseable> running = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
    restarts = dir.resolve("restarts.txt");
    // always down: its probe fails; each restart leaves a line
    sandbox.target(
        "flaky",
        String.join(
            "\n",
            "id: flaky",
            "service:",
            "  kind: command",
            "  restart: [/bin/sh, -c, 'echo restart >> " + restarts + "']",
            "probes:",
            "  - type: command",
            "    command: [/bin/false]",
            "policy: {interval: 1s, retries: 1, grace: 0s, cooldown: 1s, max_restarts: 50}",
            ""));
  }

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : running) {
      c.close();
    }
  }

  private long restartsRun() throws IOException {
    return Files.exists(restarts) ? Files.readAllLines(restarts).size() : 0;
  }

  private String healthLog() throws IOException {
    return Files.readString(sandbox.path("/var/log/flaky-health.log"));
  }

  private static Jar.Run ok(Jar.Run run, int exit) {
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(exit);
    return run;
  }

  @Test
  void checksAndCronRestartsHoldWhilePausedAndRestartAgainAfterResumeOrTheEnd() throws Exception {
    ok(Jar.run(sandbox.root, "pause", "flaky", "--for", "30m", "--reason", "deploy"), 0);

    Jar.Run check = ok(Jar.run(sandbox.root, "check", "flaky"), 2);
    assertThat(check.out())
        .contains("Health check FAIL: ")
        .contains("Restart HELD: paused until ")
        .contains("(deploy)")
        .contains("=== Health Check Complete: Restart held (target paused) ===");
    Jar.Run cron = ok(Jar.run(sandbox.root, "restart", "flaky", "--source", "cron"), 1);
    assertThat(cron.out()).contains("=== Cron Restart Complete: Restart held (target paused) ===");
    assertThat(restartsRun()).isZero();
    assertThat(Files.readString(sandbox.path("/var/lib/watchdog-menu/metrics/watchdog-menu.prom")))
        .containsPattern("watchdog_paused_until_seconds\\{target=\"flaky\"\\} [1-9]\\d{9}\n");
    assertThat(ok(Jar.run(sandbox.root, "status", "flaky"), 0).out())
        .containsPattern("Paused: +until \\S+ \\(in (29|30)m\\): deploy");

    ok(Jar.run(sandbox.root, "restart", "flaky", "--force"), 0);
    assertThat(restartsRun()).as("a forced restart runs while paused").isOne();

    ok(Jar.run(sandbox.root, "resume", "flaky"), 0);
    Thread.sleep(1100); // the cooldown (1s) after the forced restart
    check = ok(Jar.run(sandbox.root, "check", "flaky"), 2);
    assertThat(check.out()).contains("Restart ALLOWED").doesNotContain("HELD");
    assertThat(restartsRun()).isEqualTo(2);

    // a pause nobody resumes ends by itself at its end
    ok(Jar.run(sandbox.root, "pause", "flaky", "--for", "2s"), 0);
    ok(Jar.run(sandbox.root, "restart", "flaky", "--source", "cron"), 1);
    assertThat(restartsRun()).isEqualTo(2);
    String file = Files.readString(sandbox.path("/var/lib/watchdog-menu/paused/flaky"));
    long until =
        Long.parseLong(
            file.lines()
                .filter(l -> l.startsWith("until="))
                .findFirst()
                .orElseThrow()
                .substring(6));
    while (Instant.now().getEpochSecond() <= until) {
      Thread.sleep(100);
    }
    Jar.Run after = ok(Jar.run(sandbox.root, "restart", "flaky", "--source", "cron"), 0);
    assertThat(after.out())
        .contains("Pause ended at " + Instant.ofEpochSecond(until))
        .contains("=== Cron Restart Complete: Service restarted ===");
    assertThat(restartsRun()).isEqualTo(3);
    assertThat(sandbox.path("/var/lib/watchdog-menu/paused/flaky")).doesNotExist();
    assertThat(healthLog())
        .contains("=== Maintenance Pause: flaky paused until ")
        .contains("=== Maintenance Pause Ended: flaky resumed early");
  }

  @Test
  void theMonitorHoldsItsRestartsWhilePausedAndBeatsForPrometheus() throws Exception {
    Files.writeString(sandbox.path("/etc/watchdog-menu/monitor.yaml"), "targets: [flaky]\n");
    ok(Jar.run(sandbox.root, "pause", "flaky", "--for", "30m", "--reason", "deploy"), 0);
    MonitorRun monitor = MonitorRun.start(sandbox, dir);
    running.add(monitor);
    awaitCount(() -> count(healthLog(), "Restart HELD: paused until "), 2);
    assertThat(restartsRun()).as("no restart by the monitor while paused").isZero();
    Path beat = sandbox.path("/var/lib/watchdog-menu/metrics/watchdog-menu-monitor.prom");
    assertThat(Files.readString(beat))
        .containsPattern("\nwatchdog_monitor_heartbeat_timestamp_seconds [1-9]\\d{9}\n");

    ok(Jar.run(sandbox.root, "resume", "flaky"), 0);
    awaitCount(this::restartsRun, 1);
    assertThat(monitor.stop(30)).isZero();
    assertThat(beat).as("a clean stop takes the heartbeat series away").doesNotExist();
  }

  @Test
  void withoutRootsRightsPauseAndResumeAreToldToUseSudo() throws Exception {
    for (Path p = sandbox.root; !p.equals(dir.getParent()); p = p.getParent()) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.setPosixFilePermissions(
        sandbox.path("/etc/watchdog-menu/targets/flaky.yaml"),
        PosixFilePermissions.fromString("rw-r--r--"));
    String before = sandbox.snapshot();
    Jar.Run pause = Jar.runAs("nobody", sandbox.root, "pause", "flaky", "--for", "5m");
    assertThat(pause.exit()).as(pause.out() + pause.err()).isEqualTo(1);
    assertThat(pause.err().strip())
        .startsWith("watchdog-menu: permission denied: run with sudo")
        .doesNotContain("\n")
        .doesNotContain("Exception");
    assertThat(sandbox.snapshot()).isEqualTo(before);
  }

  private static long count(String text, String phrase) {
    return text.lines().filter(l -> l.contains(phrase)).count();
  }

  /** A number that only grows: wait until it reaches {@code at least}, failing after 60s. */
  private interface Count {
    long get() throws IOException;
  }

  private static void awaitCount(Count count, long atLeast) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (count.get() < atLeast) {
      assertThat(System.nanoTime()).as("reached " + atLeast).isLessThan(deadline);
      Thread.sleep(100);
    }
  }
}
