package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;

/**
 * Health first: the last verdict, whether the service runs and the guard, on the first screen, the
 * roles screen and the target screen, read again as time passes without a key; checks and restarts
 * that stream their lines and can be left; a restart the cooldown held back, then forced.
 */
class TuiHealthTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private static final long WAIT = 20_000;

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(NOW);
  private final ExactCommands systemd = new ExactCommands().noServiceManager();

  static Stream<Arguments> sizes() {
    return Stream.of(Arguments.of(80, 24), Arguments.of(60, 16));
  }

  private VirtualMenu menu(int w, int h) {
    Host host = new Host(new HostRoot(dir), systemd, clock, clock, "root");
    return new VirtualMenu(host, w, h, new Look(false, true));
  }

  /** Waits for the service states asked so far, then lets the screen read them. */
  private static VirtualMenu settled(VirtualMenu m) {
    m.settle();
    m.tick();
    return m;
  }

  private void lastResult(String id, String outcome, Instant at, String summary)
      throws IOException {
    Path f = dir.resolve("var/lib/watchdog-menu/last/" + id + ".json");
    Files.createDirectories(f.getParent());
    Files.writeString(
        f,
        "{\"at\":"
            + at.getEpochSecond()
            + ",\"outcome\":\""
            + outcome
            + "\",\"summary\":\""
            + summary
            + "\"}");
  }

  private void state(String id, String lines) throws IOException {
    Path f = dir.resolve("var/lib/watchdog-menu/state/" + id + ".txt");
    Files.createDirectories(f.getParent());
    Files.writeString(f, lines);
  }

  private void target(String id, String yaml) throws IOException {
    Path f = dir.resolve("etc/watchdog-menu/targets/" + id + ".yaml");
    Files.createDirectories(f.getParent());
    Files.writeString(f, yaml);
  }

  private static String demo(String probeCommand) {
    return "id: demo\n"
        + "title: Demo\n"
        + "service:\n"
        + "  kind: systemd\n"
        + "  unit: demo.service\n"
        + "probes:\n"
        + "  - type: command\n"
        + "    command: [\""
        + probeCommand
        + "\"]\n"
        + "policy:\n"
        + "  retries: 1\n";
  }

  /** The body's text with wrapped lines joined again, so a phrase reads whole at any width. */
  private static String flat(VirtualMenu m) {
    StringBuilder b = new StringBuilder();
    for (String r : m.text().split("\n")) {
      String inner = r.startsWith("│ ") ? r.substring(2).replaceAll("\\s*│$", "") : r;
      if (inner.startsWith("  ") && !inner.isBlank()) {
        b.append(' ').append(inner.strip());
      } else {
        b.append('\n').append(inner);
      }
    }
    return b.toString();
  }

  private static String row(VirtualMenu m, String label) {
    for (String r : m.text().split("\n")) {
      if (r.contains(label)) {
        return r;
      }
    }
    throw new AssertionError("'" + label + "' is not on the screen:\n" + m.text());
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void criticalVerdictAndStoppedServiceOnTheFirstAndRolesScreens(int w, int h) throws Exception {
    lastResult("paqet-server", "CRITICAL", NOW.minusSeconds(35), "Service is not active");
    systemd.unit("paqet-server", "inactive", "dead", 0);
    systemd.unit("paqet-client", "active", "running", NOW.minusSeconds(3600).getEpochSecond());
    VirtualMenu m = menu(w, h);
    assertThat(row(m, "1) Paqet tunnel")).contains("[CRITICAL (1/2) 35s ago, …");
    assertThat(row(m, "2) ICMP Tunnel")).contains("[never checked");
    assertThat(m.colorOf("[CRITICAL")).isEqualTo(TextColor.ANSI.RED);
    settled(m);
    assertThat(row(m, "1) Paqet tunnel")).contains("[CRITICAL (1/2) 35s ago, 1/2 stopped");
    if (w >= 80) {
      assertThat(row(m, "1) Paqet tunnel"))
          .contains("[CRITICAL (1/2) 35s ago, 1/2 stopped, no schedule]");
    }
    assertThat(m.text()).contains("a) Add a target of your own", "m) Continuous monitor");

    m.type("1");
    settled(m);
    assertThat(row(m, "1) Server")).contains("[CRITICAL 35s ago, stopped");
    assertThat(row(m, "2) Client")).contains("[never checked, running");
    assertThat(m.colorOf("[CRITICAL 35s ago")).isEqualTo(TextColor.ANSI.RED);
    assertThat(m.colorOf("[never checked, running")).isEqualTo(TextColor.ANSI.DEFAULT);
  }

  @Test
  void agesMoveWhenTheClockMovesWithoutAKey() throws Exception {
    lastResult("paqet-server", "OK", NOW.minusSeconds(35), "Service is healthy");
    lastResult("paqet-client", "OK", NOW.minusSeconds(50), "Service is healthy");
    VirtualMenu m = settled(menu(80, 24));
    assertThat(row(m, "1) Paqet tunnel")).contains("[OK 35s ago");
    assertThat(m.tick()).as("nothing changed").isFalse();
    clock.advance(Duration.ofSeconds(20));
    assertThat(m.tick()).isTrue();
    assertThat(row(m, "1) Paqet tunnel")).contains("[OK 55s ago");
    clock.advance(Duration.ofMinutes(2));
    assertThat(m.tick()).isTrue();
    assertThat(row(m, "1) Paqet tunnel")).contains("[OK 2m ago");

    lastResult("paqet-client", "CRITICAL", clock.instant(), "Service is not active");
    clock.advance(Duration.ofSeconds(1));
    assertThat(m.tick()).as("a new verdict written by cron").isTrue();
    assertThat(row(m, "1) Paqet tunnel")).contains("[CRITICAL (1/2) 1s ago");
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void targetScreenShowsServiceUptimeGuardAndTheLastCheckInLocalTime(int w, int h)
      throws Exception {
    long started = Instant.parse("2026-12-01T08:30:05Z").getEpochSecond();
    systemd.unit("paqet-server", "active", "running", started);
    state(
        "paqet-server",
        NOW.minusSeconds(1200).getEpochSecond()
            + " health\n"
            + NOW.minusSeconds(36).getEpochSecond()
            + " manual\n");
    lastResult("paqet-server", "CRITICAL", NOW.minusSeconds(35), "Probe FAIL: journal errors");
    Path log = dir.resolve("var/log/paqet-health-server.log");
    Files.createDirectories(log.getParent());
    Files.writeString(
        log,
        "[2026-12-01T11:59:25Z] === Health Check Start: paqet-server ===\n"
            + "[2026-12-01T11:59:25Z] Health check: Service is active\n"
            + "[2026-12-01T11:59:25Z] Health check FAIL: journal errors\n");
    VirtualMenu m = menu(w, h);
    m.session.zone(ZoneId.of("Asia/Tehran"));
    settled(m.type("11"));
    String text = flat(m);
    assertThat(text)
        .contains("Service: systemd paqet-server, running since 12:00:05 (up 3h)")
        .contains("Guard: 2/5 restarts per hour, cooldown 84s left, last restart 36s ago by manual")
        .contains("Last check: CRITICAL 35s ago (15:29:25): Probe FAIL: journal errors");
    assertThat(m.colorOf("Last check: CRITICAL")).isEqualTo(TextColor.ANSI.RED);
    if (h >= 24) {
      assertThat(text)
          .contains("The last check's lines")
          .contains("15:29:25 Health check FAIL: journal errors");
    } else {
      m.press(KeyType.End);
      assertThat(m.text()).contains("9) Sudoers, linger and systemd units");
      m.press(KeyType.Home);
    }
    clock.advance(Duration.ofSeconds(10));
    assertThat(m.tick()).isTrue();
    assertThat(flat(m))
        .contains("cooldown 74s left")
        .contains("Last check: CRITICAL 45s ago (15:29:25)");
  }

  @Test
  void stoppedServiceAndNeverCheckedOnTheTargetScreen() throws Exception {
    systemd.unit("paqet-server", "failed", "failed", 0);
    CountDownLatch asked = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    systemd.hold(
        asked,
        answer,
        "systemctl",
        "show",
        "paqet-server",
        "--property=LoadState,ActiveState,SubState,ActiveEnterTimestamp",
        "--timestamp=unix");
    VirtualMenu m = menu(80, 24).type("11");
    assertThat(asked.await(WAIT, TimeUnit.MILLISECONDS)).isTrue();
    assertThat(m.text()).contains("Service: systemd paqet-server, checking…");
    assertThat(m.tick()).as("nothing new while systemd has not answered").isFalse();
    answer.countDown();
    settled(m);
    assertThat(m.text())
        .contains("Service: systemd paqet-server, stopped (failed (failed))")
        .contains("Guard: 0/5 restarts per hour, ready")
        .contains("Last check: never checked");
    assertThat(m.colorOf("Service: systemd")).isEqualTo(TextColor.ANSI.RED);
  }

  @Test
  void aUnitThisHostDoesNotHaveIsNotInstalledAndDimmed() throws Exception {
    systemd.answer(
        CommandResult.exited(
            0,
            "LoadState=not-found\nActiveState=inactive\nSubState=dead\n",
            "",
            Duration.ofMillis(1)),
        "systemctl",
        "show",
        "icmptunnel-server",
        "--property=LoadState,ActiveState,SubState,ActiveEnterTimestamp",
        "--timestamp=unix");
    systemd.unit("icmptunnel-client", "active", "running", NOW.getEpochSecond() - 60);
    VirtualMenu m = settled(menu(80, 24).type("2"));
    assertThat(row(m, "1) Server")).contains("[never checked, not installed, no schedule]");
    assertThat(m.colorOf("[never checked, not installed")).isEqualTo(TextColor.ANSI.BLACK_BRIGHT);
    assertThat(row(m, "2) Client")).contains("[never checked, running, no schedule]");
    m.press(KeyType.Escape);
    settled(m);
    assertThat(row(m, "2) ICMP Tunnel")).contains("[never checked, 1/2 running, no schedule]");
    m.type("21");
    settled(m);
    assertThat(m.text()).contains("Service: systemd icmptunnel-server, not installed on this host");
  }

  @Test
  void aCheckStreamsItsLinesAndGoesOnAfterEsc() throws Exception {
    target("demo", demo("/bin/false"));
    systemd.unit("demo.service", "active", "running", NOW.minusSeconds(3600).getEpochSecond());
    CountDownLatch reached = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    systemd
        .answer(CommandResult.exited(1, "", "", Duration.ofMillis(1)), "/bin/false")
        .hold(reached, release, "/bin/false");
    VirtualMenu m = menu(80, 24).type("7");
    assertThat(m.row(0)).endsWith("Your own targets");
    m.type("4");
    assertThat(m.row(0)).endsWith("Health check");
    assertThat(reached.await(WAIT, TimeUnit.MILLISECONDS)).isTrue();
    m.tick();
    assertThat(m.text())
        .contains("=== Health Check Start: demo ===")
        .contains("Health check: Service is active")
        .contains("Checking… Esc leaves it running in the background.");
    assertThat(m.text()).doesNotContain("Result:");
    m.press(KeyType.Escape);
    assertThat(m.loop.top()).isInstanceOf(TargetView.class);
    assertThat(TuiNoticesTest.flat(m))
        .contains("The health check of demo goes on in the background; its lines are in its log.")
        .contains("Running now in the background: the health check of demo");
    m.press(KeyType.Escape);
    assertThat(m.text()).contains("Running in the background: the health check of demo");
    assertThat(m.session.awaitRuns(0)).as("it is still held at its probe").isFalse();
    release.countDown();
    assertThat(m.session.awaitRuns(WAIT)).isTrue();
    assertThat(Files.readString(dir.resolve("var/log/demo-health.log")))
        .contains("=== Health Check Start: demo ===");
    clock.advance(Duration.ofSeconds(1));
    m.tick();
    assertThat(m.text()).doesNotContain("Running in the background");
    assertThat(row(m, "7) Your own targets")).contains("[CRITICAL 1s ago");
    m.type("7");
    assertThat(m.text())
        .contains("Last check: CRITICAL 1s ago")
        .doesNotContain("Running now in the background");
  }

  @Test
  void aRestartTheCooldownHeldBackCanBeForcedAndIsRecordedAsManual() throws Exception {
    target("demo", demo("/bin/true"));
    state("demo", NOW.minusSeconds(30).getEpochSecond() + " health\n");
    systemd.unit("demo.service", "active", "running", NOW.minusSeconds(30).getEpochSecond());
    systemd.answer(
        CommandResult.exited(0, "", "", Duration.ofMillis(1)),
        "systemctl",
        "restart",
        "demo.service");
    VirtualMenu m = menu(60, 16).type("7");
    m.type("5");
    assertThat(m.text()).contains("Restart demo now, through the guard");
    m.type("y");
    assertThat(m.session.awaitRuns(WAIT)).isTrue();
    m.tick();
    assertThat(m.text()).contains("Restart SKIPPED: cooldown active");
    m.press(KeyType.End);
    assertThat(m.text()).contains("Result: held back: the cooldown is still running");
    assertThat(m.text()).contains("f force");
    m.type("f");
    assertThat(m.text()).contains("Force a restart of demo now");
    m.type("n");
    assertThat(m.text()).contains("Cancelled: nothing was changed");
    m.type("f").type("y");
    assertThat(m.row(0)).endsWith("Forced restart");
    assertThat(m.session.awaitRuns(WAIT)).isTrue();
    m.tick();
    m.press(KeyType.End);
    assertThat(m.text()).contains("Result: restarted");
    List<String> history = Files.readAllLines(dir.resolve("var/lib/watchdog-menu/state/demo.txt"));
    assertThat(history).hasSize(2);
    assertThat(history.get(1)).isEqualTo(NOW.getEpochSecond() + " manual");
    assertThat(systemd.seen().stream().filter(a -> a.contains("restart")).count()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("var/log/demo-cron.log")))
        .contains("Restart FORCED: protection skipped");
  }

  @Test
  void theGateLetsTwoChangesRunAtOnceAndQuittingWaitsForBoth() throws Exception {
    ApplyGate gate = new ApplyGate();
    CountDownLatch inside = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    Runnable work =
        () ->
            gate.run(
                () -> {
                  inside.countDown();
                  return release.await(WAIT, TimeUnit.MILLISECONDS);
                });
    Thread a = new Thread(work);
    Thread b = new Thread(work);
    a.start();
    b.start();
    assertThat(inside.await(WAIT, TimeUnit.MILLISECONDS)).as("both run at once").isTrue();
    assertThat(gate.close(0)).as("quitting waits while they run").isFalse();
    release.countDown();
    a.join(WAIT);
    b.join(WAIT);
    assertThat(gate.close(10)).isTrue();
  }
}
