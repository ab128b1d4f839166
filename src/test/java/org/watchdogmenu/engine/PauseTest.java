package org.watchdogmenu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.Owners;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;
import org.watchdogmenu.probe.ProbeResult;
import org.watchdogmenu.service.ServiceControls;

/**
 * A maintenance pause: checks go on and log, restarts from a check or a schedule and alerts are
 * held, a forced restart still runs and is recorded, and the pause ends by itself at its end time
 * (the clock moved on, never a real wait).
 */
class PauseTest {
  private static final Instant T0 = Instant.parse("2025-02-14T10:30:00Z");
  private static final String[] SHOW = {
    "systemctl",
    "show",
    "paqet-server.service",
    "--property=LoadState,ActiveState,SubState,ActiveEnterTimestamp",
    "--timestamp=unix"
  };
  private static final String[] RESTART = {"systemctl", "restart", "paqet-server.service"};
  private static final String[] ALERT = {"/bin/true"};

  @TempDir Path root;
  private final ScriptedCommandRunner runner = new ScriptedCommandRunner();
  private final MutableClock clock = new MutableClock(T0);
  private final StringWriter out = new StringWriter();
  private final Target target = Targets.paqetServer();
  private final Deque<List<ProbeResult>> rounds = new ArrayDeque<>();
  private Host host;

  @BeforeEach
  void setUp() {
    host = TestHosts.scripted(root, runner, clock);
  }

  private Maintenance maintenance() {
    return new Maintenance(host, id -> true);
  }

  private Engine engine() {
    return new Engine(host);
  }

  /** A check as Engine runs it, with alerts and metrics, and probe rounds from the test. */
  private CheckReport check() {
    EngineLog log =
        new EngineLog(root.resolve("var/log/paqet-health-server.log"), new PrintWriter(out), clock);
    ProbeRound probes = context -> rounds.remove();
    EngineEvents events = Notifications.load(host, log, id -> true);
    return new HealthCheck(
            host,
            target,
            ServiceControls.forTarget(target, host),
            probes,
            log,
            events,
            new RestartGuard(host, target, log, events))
        .run(HealthCheck.Options.DEFAULT);
  }

  private void failed() {
    runner
        .expect(SHOW)
        .prints("LoadState=loaded\nActiveState=failed\nSubState=failed\nActiveEnterTimestamp=\n");
  }

  private void activeSince(long secondsAgo) {
    runner
        .expect(SHOW)
        .prints(
            "LoadState=loaded\nActiveState=active\nSubState=running\nActiveEnterTimestamp=@"
                + (clock.instant().getEpochSecond() - secondsAgo)
                + "\n");
  }

  private static ProbeResult pass() {
    return ProbeResult.pass("Service is active", Duration.ofMillis(4));
  }

  private static ProbeResult unknown() {
    return ProbeResult.unknown("probes[0]: the probe tool is missing", Duration.ofMillis(1));
  }

  private String healthLog() throws Exception {
    return Files.readString(root.resolve("var/log/paqet-health-server.log"));
  }

  private String cronLog() throws Exception {
    return Files.readString(root.resolve("var/log/paqet-cron-server.log"));
  }

  private String history() throws Exception {
    Path state = root.resolve("var/tmp/paqet_restart_state_server.txt");
    return Files.exists(state) ? Files.readString(state) : "";
  }

  private String textfile() throws Exception {
    return Files.readString(root.resolve("var/lib/watchdog-menu/metrics/watchdog-menu.prom"));
  }

  private Path pauseFile() {
    return root.resolve("var/lib/watchdog-menu/paused/paqet-server");
  }

  private void alertChannel() throws Exception {
    Path alerts = root.resolve("etc/watchdog-menu/alerts.yaml");
    Files.createDirectories(alerts.getParent());
    Files.writeString(alerts, "channels:\n  - type: command\n    command: [\"/bin/true\"]\n");
    Files.setPosixFilePermissions(alerts, PosixFilePermissions.fromString("rw-------"));
  }

  private long alertsSent() {
    return runner.seen().stream().map(Command::argv).filter(List.of(ALERT)::equals).count();
  }

  private long restartsRun() {
    return runner.seen().stream().map(Command::argv).filter(List.of(RESTART)::equals).count();
  }

  @Test
  void aPausedCheckFindsTheFailureLogsItAndDoesNotRestart() throws Exception {
    Pause pause =
        maintenance().pause(target, Duration.ofMinutes(30), "deploy", new PrintWriter(out));
    assertThat(pause.until()).isEqualTo(Instant.parse("2025-02-14T11:00:00Z"));
    clock.advance(Duration.ofMinutes(5));
    failed();

    CheckReport report = check();

    assertThat(report.outcome()).isEqualTo(Outcome.CRITICAL);
    assertThat(report.summary()).contains("restart held (paused)");
    assertThat(restartsRun()).isZero();
    assertThat(history()).isEmpty();
    assertThat(healthLog())
        .contains(
            "[2025-02-14T10:30:00Z] === Maintenance Pause: paqet-server paused until"
                + " 2025-02-14T11:00:00Z (deploy): checks run, restarts and alerts are held ===\n")
        .contains(
            "[2025-02-14T10:35:00Z] Health check: paused until 2025-02-14T11:00:00Z (deploy), 25m"
                + " left: the check runs, restarts and alerts are held\n")
        .contains("Health check FAIL: Service is not active")
        .contains(
            "[2025-02-14T10:35:00Z] Restart HELD: paused until 2025-02-14T11:00:00Z (deploy), 25m"
                + " left ('watchdog-menu resume paqet-server' ends it, 'restart --force' overrides"
                + " it)\n")
        .endsWith("=== Health Check Complete: Restart held (target paused) ===\n");
    // the verdict and the pause are in the metrics
    assertThat(textfile())
        .contains("watchdog_up{target=\"paqet-server\"} 0")
        .contains("watchdog_health_check_failures_total{target=\"paqet-server\"} 1")
        .contains(
            "watchdog_paused_until_seconds{target=\"paqet-server\"} "
                + pause.until().getEpochSecond());
    runner.verifyAllUsed();
  }

  @Test
  void aScheduledRestartIsHeldAndAForcedOneRunsAndIsRecorded() throws Exception {
    maintenance().pause(target, Duration.ofHours(2), "db migration", new PrintWriter(out));

    assertThat(
            engine().restart(target, RestartRequest.by(RestartSource.CRON), new PrintWriter(out)))
        .isEqualTo(RestartGuard.Result.PAUSED);
    assertThat(restartsRun()).isZero();
    assertThat(cronLog())
        .contains("=== Cron Restart Triggered: paqet-server ===")
        .contains("Restart HELD: paused until 2025-02-14T12:30:00Z (db migration), 2h left")
        .endsWith("=== Cron Restart Complete: Restart held (target paused) ===\n");
    assertThat(
            engine().restart(target, RestartRequest.by(RestartSource.MANUAL), new PrintWriter(out)))
        .as("a plain manual restart is held too")
        .isEqualTo(RestartGuard.Result.PAUSED);

    runner.expect(RESTART);
    assertThat(
            engine()
                .restart(
                    target, RestartRequest.by(RestartSource.MANUAL).forced(), new PrintWriter(out)))
        .isEqualTo(RestartGuard.Result.RESTARTED);
    assertThat(restartsRun()).isOne();
    assertThat(history()).isEqualTo(T0.getEpochSecond() + " manual\n");
    assertThat(cronLog())
        .contains(
            "Restart FORCED during the pause: paused until 2025-02-14T12:30:00Z (db migration),"
                + " 2h left")
        .contains("Restart FORCED: protection skipped")
        .endsWith("=== Manual Restart Complete: Service restarted ===\n");
    assertThat(textfile())
        .contains("watchdog_restarts_total{target=\"paqet-server\",source=\"manual\"} 1");
    runner.verifyAllUsed();
  }

  @Test
  void alertsAreHeldWhilePausedAndSentAgainAfterItsEnd() throws Exception {
    alertChannel();
    maintenance().pause(target, Duration.ofMinutes(30), "deploy", new PrintWriter(out));
    activeSince(600);
    rounds.add(List.of(unknown()));

    assertThat(check().outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(alertsSent()).isZero();
    assertThat(healthLog())
        .contains("Alert held (check-unknown): paused until 2025-02-14T11:00:00Z (deploy)");
    Notifications.load(host, new EngineLog(null, new PrintWriter(out), clock), id -> true)
        .afterRestart(target, RestartSource.MANUAL, RestartGuard.Result.FAILED);
    assertThat(alertsSent()).isZero();
    assertThat(out.toString()).contains("Alert held (restart-failed)");

    clock.advance(Duration.ofMinutes(31));
    activeSince(600);
    rounds.add(List.of(unknown()));
    runner.expect(ALERT);
    assertThat(check().outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(alertsSent()).isOne();
    runner.verifyAllUsed();
  }

  @Test
  void afterItsEndEverythingIsBackOnByItself() throws Exception {
    maintenance().pause(target, Duration.ofMinutes(30), "deploy", new PrintWriter(out));
    failed();
    assertThat(check().outcome()).isEqualTo(Outcome.CRITICAL);
    assertThat(restartsRun()).isZero();

    clock.advance(Duration.ofMinutes(30));
    failed();
    runner.expect(RESTART);
    activeSince(30);
    rounds.add(List.of(pass()));

    assertThat(check().outcome()).isEqualTo(Outcome.WARNING);
    assertThat(restartsRun()).isOne();
    assertThat(history()).isEqualTo(T0.plus(Duration.ofMinutes(30)).getEpochSecond() + " health\n");
    assertThat(healthLog())
        .contains(
            "[2025-02-14T11:00:00Z] Pause ended at 2025-02-14T11:00:00Z (deploy): restarts and"
                + " alerts are back on\n")
        .contains("=== Health Check RECOVERED: Service is healthy after restart ===");
    assertThat(pauseFile()).as("an ended pause file is removed").doesNotExist();
    assertThat(textfile()).contains("watchdog_paused_until_seconds{target=\"paqet-server\"} 0");
    runner.verifyAllUsed();
  }

  @Test
  void resumeEndsThePauseEarlyAndSaysSoInTheHealthLog() throws Exception {
    maintenance().pause(target, Duration.ofMinutes(30), "deploy", new PrintWriter(out));
    clock.advance(Duration.ofMinutes(10));

    assertThat(maintenance().resume(target, new PrintWriter(out))).isPresent();
    assertThat(maintenance().resume(target, new PrintWriter(out))).isEmpty();

    assertThat(healthLog())
        .contains(
            "[2025-02-14T10:40:00Z] === Maintenance Pause Ended: paqet-server resumed early (20m"
                + " before 2025-02-14T11:00:00Z (deploy)): restarts and alerts are back on ===\n");
    assertThat(pauseFile()).doesNotExist();
    assertThat(textfile()).contains("watchdog_paused_until_seconds{target=\"paqet-server\"} 0");
    runner.expect(RESTART);
    assertThat(
            engine().restart(target, RestartRequest.by(RestartSource.CRON), new PrintWriter(out)))
        .isEqualTo(RestartGuard.Result.RESTARTED);
    runner.verifyAllUsed();
  }

  @Test
  void anEndedPauseFileIsIgnoredEvenBeforeItIsRemoved() throws Exception {
    Files.createDirectories(pauseFile().getParent());
    Files.writeString(
        pauseFile(),
        "until=" + T0.minusSeconds(1).getEpochSecond() + "\nsince=0\nreason=forgotten\n");
    Pauses pauses = new Pauses(host.root());
    assertThat(pauses.read("paqet-server")).isPresent();
    assertThat(pauses.holding("paqet-server", T0)).isEmpty();
    assertThat(pauseFile()).as("reading for status changes nothing").exists();
    assertThat(maintenance().of(target)).isEmpty();

    runner.expect(RESTART);
    assertThat(
            engine().restart(target, RestartRequest.by(RestartSource.CRON), new PrintWriter(out)))
        .isEqualTo(RestartGuard.Result.RESTARTED);
    assertThat(pauseFile()).doesNotExist();
    assertThat(cronLog()).contains("Pause ended at 2025-02-14T10:29:59Z (forgotten)");
  }

  @Test
  void aDryRunSaysTheRestartWouldBeHeldAndChangesNothing() throws Exception {
    maintenance().pause(target, Duration.ofMinutes(30), "", new PrintWriter(out));
    assertThat(
            engine()
                .restart(
                    target, RestartRequest.by(RestartSource.CRON).dryRun(), new PrintWriter(out)))
        .isEqualTo(RestartGuard.Result.PAUSED);
    assertThat(out.toString())
        .contains("Restart HELD: paused until 2025-02-14T11:00:00Z, 30m left");
    assertThat(history()).isEmpty();
  }

  @Test
  void aPauseFileAnotherAccountPlantedIsRefusedAndRestartsGoOn() throws Exception {
    assumeTrue(Owners.euid() == 0, "needs root to play another account's files");
    maintenance().pause(target, Duration.ofMinutes(30), "deploy", new PrintWriter(out));
    Files.setAttribute(pauseFile(), "unix:uid", 65534);

    runner.expect(RESTART);
    assertThat(
            engine().restart(target, RestartRequest.by(RestartSource.CRON), new PrintWriter(out)))
        .isEqualTo(RestartGuard.Result.RESTARTED);
    assertThat(cronLog())
        .contains(
            "WARNING: refusing pause file "
                + pauseFile()
                + ": it belongs to nobody, not root (wrong file owner)")
        .contains("restarts and alerts go on")
        .doesNotContain("Restart HELD");
    assertThat(maintenance().of(target)).isEmpty();
  }

  @Test
  void aPauseFileThatIsALinkIsRefusedAndRestartsGoOn() throws Exception {
    Path real = root.resolve("elsewhere/pause");
    Files.createDirectories(real.getParent());
    Files.writeString(
        real, "until=" + T0.plusSeconds(3600).getEpochSecond() + "\nsince=0\nreason=link\n");
    Files.createDirectories(pauseFile().getParent());
    Files.createSymbolicLink(pauseFile(), real);

    runner.expect(RESTART);
    assertThat(
            engine().restart(target, RestartRequest.by(RestartSource.CRON), new PrintWriter(out)))
        .isEqualTo(RestartGuard.Result.RESTARTED);
    assertThat(cronLog())
        .contains("WARNING: refusing " + pauseFile() + ": it is")
        .contains("not a regular file")
        .doesNotContain("Restart HELD");
    assertThat(Files.readString(real)).as("the link's target is untouched").contains("reason=link");
  }

  @Test
  void aPauseLongerThanTheMostOrOfNothingIsRefused() {
    for (Duration d : List.of(Duration.ZERO, Duration.ofDays(7).plusSeconds(1))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> maintenance().pause(target, d, "x", new PrintWriter(out)))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(pauseFile()).doesNotExist();
  }
}
