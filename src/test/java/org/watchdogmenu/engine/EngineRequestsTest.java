package org.watchdogmenu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.engine.RestartGuard.Result;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

/** What each check mode and restart request does through the engine, and what it writes. */
class EngineRequestsTest {
  private static final Instant T0 = Instant.parse("2025-02-14T10:30:00Z");
  private static final String[] SHOW = {
    "systemctl",
    "show",
    "paqet-server.service",
    "--property=LoadState,ActiveState,SubState,ActiveEnterTimestamp",
    "--timestamp=unix"
  };
  private static final String[] RESTART = {"systemctl", "restart", "paqet-server.service"};
  private static final String FAILED =
      "LoadState=loaded\nActiveState=failed\nSubState=failed\nActiveEnterTimestamp=\n";

  @TempDir Path root;
  private final ScriptedCommandRunner runner = new ScriptedCommandRunner();
  private final MutableClock clock = new MutableClock(T0);
  private final StringWriter out = new StringWriter();
  private Engine engine;
  private Path state;
  private Path healthLog;
  private Path cronLog;
  private Path lastResult;

  @BeforeEach
  void setUp() throws Exception {
    engine = new Engine(TestHosts.scripted(root, runner, clock));
    state = root.resolve("var/tmp/paqet_restart_state_server.txt");
    healthLog = root.resolve("var/log/paqet-health-server.log");
    cronLog = root.resolve("var/log/paqet-cron-server.log");
    lastResult = root.resolve("var/lib/watchdog-menu/last/paqet-server.json");
    Files.createDirectories(state.getParent());
    Files.createDirectories(healthLog.getParent());
  }

  private CheckReport check(HealthCheck.Options options) {
    return engine.check(Targets.paqetServer(), options, new PrintWriter(out));
  }

  private Result restart(RestartRequest request) {
    return engine.restart(Targets.paqetServer(), request, new PrintWriter(out));
  }

  @Test
  void checkModesFollowTheTwoOptions() {
    assertThat(CheckMode.ofOptions(false, false)).isEqualTo(CheckMode.CHECK_AND_RESTART);
    assertThat(CheckMode.ofOptions(true, false)).isEqualTo(CheckMode.CHECK_ONLY);
    assertThat(CheckMode.ofOptions(false, true)).isEqualTo(CheckMode.DRY_RUN);
    assertThat(CheckMode.ofOptions(true, true)).isEqualTo(CheckMode.DRY_RUN_CHECK_ONLY);
    assertThat(HealthCheck.Options.DEFAULT)
        .isEqualTo(new HealthCheck.Options(CheckMode.CHECK_AND_RESTART, RestartSource.HEALTH));
  }

  @Test
  void aCheckRestartsThroughTheEnginesGuardIntoItsOwnLogAndRecordsItsSource() throws Exception {
    runner.expect(SHOW).prints(FAILED);
    runner.expect(RESTART);
    runner.expect(SHOW).prints(FAILED);
    CheckReport report = check(HealthCheck.Options.monitor());
    assertThat(report.outcome()).isEqualTo(Outcome.CRITICAL);
    assertThat(Files.readString(state)).isEqualTo(T0.getEpochSecond() + " monitor\n");
    // the guard the engine gave the check appends the restart's output to the check's log
    assertThat(runner.seen().get(1).outputLog()).isEqualTo(healthLog);
    assertThat(Files.readString(healthLog)).contains("Restarting paqet-server");
    assertThat(lastResult).exists();
    runner.verifyAllUsed();
  }

  @Test
  void checkOnlyWritesItsLogAndResultButNeverRestarts() throws Exception {
    runner.expect(SHOW).prints(FAILED);
    CheckReport report = check(HealthCheck.Options.health(CheckMode.CHECK_ONLY));
    assertThat(report.outcome()).isEqualTo(Outcome.CRITICAL);
    assertThat(Files.readString(healthLog)).contains("Restart not attempted (--no-restart)");
    assertThat(lastResult).exists();
    assertThat(state).doesNotExist();
    runner.verifyAllUsed();
  }

  @Test
  void aDryRunSaysWhatTheGuardWouldDoAndWritesNothing() throws Exception {
    runner.expect(SHOW).prints(FAILED);
    check(HealthCheck.Options.health(CheckMode.DRY_RUN));
    assertThat(out.toString())
        .contains("DRY RUN: would restart paqet-server (health): systemctl restart")
        .contains("=== DRY RUN: nothing was changed ===");
    assertThat(healthLog).doesNotExist();
    assertThat(lastResult).doesNotExist();
    assertThat(state).doesNotExist();
    runner.verifyAllUsed();
  }

  @Test
  void aDryRunThatChecksOnlyNeitherRestartsNorWrites() throws Exception {
    runner.expect(SHOW).prints(FAILED);
    check(HealthCheck.Options.health(CheckMode.DRY_RUN_CHECK_ONLY));
    assertThat(out.toString())
        .contains("Restart not attempted (--no-restart)")
        .doesNotContain("DRY RUN: would restart");
    assertThat(healthLog).doesNotExist();
    assertThat(lastResult).doesNotExist();
    runner.verifyAllUsed();
  }

  @Test
  void aGuardedRestartWaitsForTheCooldownAndAForcedOneIsRecordedAsItsSource() throws Exception {
    long now = T0.getEpochSecond();
    Files.writeString(state, (now - 30) + " health\n");
    assertThat(restart(RestartRequest.by(RestartSource.MANUAL))).isEqualTo(Result.SKIPPED);
    assertThat(out.toString())
        .contains("=== Manual Restart Triggered: paqet-server ===")
        .contains("Restart SKIPPED: cooldown active (30s ago by health, need 120s, wait 90s more)")
        .contains("=== Manual Restart Complete: Restart skipped (protection active) ===");

    runner.expect(RESTART);
    assertThat(restart(RestartRequest.by(RestartSource.CRON).forced())).isEqualTo(Result.RESTARTED);
    assertThat(Files.readString(state)).isEqualTo((now - 30) + " health\n" + now + " cron\n");
    assertThat(Files.readString(cronLog))
        .contains("=== Cron Restart Triggered: paqet-server ===")
        .contains("Restart FORCED");
    assertThat(runner.seen().get(0).outputLog()).isEqualTo(cronLog);
    runner.verifyAllUsed();
  }

  @Test
  void aDryRunRestartChangesNothing() throws Exception {
    String before = Files.readString(Files.writeString(state, ""));
    assertThat(restart(RestartRequest.by(RestartSource.MANUAL).forced().dryRun()))
        .isEqualTo(Result.WOULD_RESTART);
    assertThat(out.toString())
        .contains("Restart FORCED")
        .contains("DRY RUN: would restart paqet-server (manual)");
    assertThat(Files.readString(state)).isEqualTo(before);
    assertThat(cronLog).doesNotExist();
    assertThat(RestartRequest.ofOptions(RestartSource.CRON, true, true))
        .isEqualTo(RestartRequest.by(RestartSource.CRON).forced().dryRun());
    assertThat(RestartRequest.ofOptions(RestartSource.MANUAL, false, false))
        .isEqualTo(RestartRequest.by(RestartSource.MANUAL));
  }
}
