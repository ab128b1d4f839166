package org.watchdogmenu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;
import org.watchdogmenu.probe.ProbeResult;
import org.watchdogmenu.service.ServiceControls;

class HealthCheckTest {
  private static final Instant T0 = Instant.parse("2025-02-14T10:30:00Z");
  private static final String[] SHOW = {
    "systemctl",
    "show",
    "paqet-server.service",
    "--property=LoadState,ActiveState,SubState,ActiveEnterTimestamp",
    "--timestamp=unix"
  };
  private static final String[] RESTART = {"systemctl", "restart", "paqet-server.service"};

  @TempDir Path root;
  private final ScriptedCommandRunner runner = new ScriptedCommandRunner();
  private final MutableClock clock = new MutableClock(T0);
  private final StringWriter out = new StringWriter();
  private final Deque<List<ProbeResult>> rounds = new ArrayDeque<>();
  private int roundsRun;

  private CheckReport check(Target target, HealthCheck.Options options) {
    Host host = TestHosts.scripted(root, runner, clock);
    EngineLog log = new EngineLog(root.resolve("health.log"), new PrintWriter(out), clock);
    ProbeRound probes =
        context -> {
          roundsRun++;
          return rounds.remove();
        };
    return new HealthCheck(
            host,
            target,
            ServiceControls.forTarget(target, host),
            probes,
            log,
            EngineEvents.NONE,
            new RestartGuard(host, target, log, EngineEvents.NONE))
        .run(options);
  }

  private void activeSince(long secondsAgo) {
    runner
        .expect(SHOW)
        .prints(
            "LoadState=loaded\nActiveState=active\nSubState=running\nActiveEnterTimestamp=@"
                + (clock.instant().getEpochSecond() - secondsAgo)
                + "\n");
  }

  private void rounds(ProbeResult... each) {
    for (ProbeResult r : each) {
      rounds.add(List.of(r));
    }
  }

  private static ProbeResult pass() {
    return ProbeResult.pass("SOCKS proxy test successful (port 1080)", Duration.ofMillis(40));
  }

  private static ProbeResult fail() {
    return ProbeResult.fail(
        "SOCKS proxy test failed: connection refused (port 1080)", Duration.ofMillis(3));
  }

  @Test
  void aHealthyServiceLogsTheSeedsLines() throws Exception {
    activeSince(120);
    rounds(pass());
    CheckReport report = check(Targets.paqetServer(), HealthCheck.Options.DEFAULT);
    assertThat(report.outcome()).isEqualTo(Outcome.OK);
    assertThat(Files.readString(root.resolve("health.log")))
        .contains("[2025-02-14T10:30:00Z] === Health Check Start: paqet-server ===\n")
        .contains("[2025-02-14T10:30:00Z] Health check: Service is active\n")
        .contains("[2025-02-14T10:30:00Z] Health check: Grace period passed (uptime: 120s)\n")
        .contains(
            "[2025-02-14T10:30:00Z] Health check PASS: SOCKS proxy test successful (port 1080)\n")
        .endsWith("[2025-02-14T10:30:00Z] === Health Check PASSED: Service is healthy ===\n");
    runner.verifyAllUsed();
  }

  @Test
  void withinTheGracePeriodNoTestRuns() {
    activeSince(10);
    CheckReport report = check(Targets.paqetServer(), HealthCheck.Options.DEFAULT);
    assertThat(report.outcome()).isEqualTo(Outcome.OK);
    assertThat(roundsRun).isZero();
    assertThat(out.toString()).contains("Within grace period (uptime: 10s, grace: 30s)");
  }

  @Test
  void aLaterAttemptThatSucceedsMeansHealthyAndNoRestart() {
    activeSince(300);
    rounds(fail(), fail(), pass());
    CheckReport report = check(Targets.paqetServer(), HealthCheck.Options.DEFAULT);
    assertThat(report.outcome()).isEqualTo(Outcome.OK);
    assertThat(out.toString())
        .contains("(attempt 1/3)")
        .contains("(attempt 2/3)")
        .doesNotContain("attempt 3/3");
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(10));
    runner.verifyAllUsed();
  }

  @Test
  void threeFailuresRestartWaitTheGraceAndVerify() throws Exception {
    activeSince(300);
    rounds(fail(), fail(), fail());
    runner.expect(RESTART);
    activeSince(30);
    rounds(pass());
    CheckReport report = check(Targets.paqetServer(), HealthCheck.Options.DEFAULT);
    assertThat(report.outcome()).isEqualTo(Outcome.WARNING);
    assertThat(out.toString())
        .contains(
            "Health check FAIL: SOCKS proxy test failed: connection refused (port 1080) (attempt 3/3)")
        .contains("Restarting paqet-server: systemctl restart paqet-server.service")
        .contains("Waiting 30s (grace period) before verifying...")
        .contains("=== Health Check RECOVERED: Service is healthy after restart ===");
    assertThat(Files.readString(root.resolve("var/tmp/paqet_restart_state_server.txt")))
        .isEqualTo(T0.plusSeconds(10).getEpochSecond() + " health\n");
    runner.verifyAllUsed();
  }

  @Test
  void anInactiveServiceIsRestartedWithoutProbing() {
    runner
        .expect(SHOW)
        .prints("LoadState=loaded\nActiveState=failed\nSubState=failed\nActiveEnterTimestamp=\n");
    runner.expect(RESTART);
    activeSince(30);
    rounds(pass());
    CheckReport report = check(Targets.paqetServer(), HealthCheck.Options.DEFAULT);
    assertThat(report.outcome()).isEqualTo(Outcome.WARNING);
    assertThat(out.toString())
        .contains("Health check FAIL: Service is not active (failed (failed))");
    assertThat(roundsRun).isEqualTo(1);
    runner.verifyAllUsed();
  }

  @Test
  void aRestartHeldBackByTheCooldownIsCriticalWithTheSeedsClosingLine() throws Exception {
    Path state = root.resolve("var/tmp/paqet_restart_state_server.txt");
    Files.createDirectories(state.getParent());
    Files.writeString(state, (T0.getEpochSecond() - 60) + " cron\n");
    activeSince(60);
    rounds(fail(), fail(), fail());
    CheckReport report = check(Targets.paqetServer(), HealthCheck.Options.DEFAULT);
    // down and not being restarted: CRITICAL, not the WARNING of "recovered by a restart"
    assertThat(report.outcome()).isEqualTo(Outcome.CRITICAL);
    assertThat(out.toString())
        .contains("Restart SKIPPED: cooldown active (70s ago by cron, need 120s, wait 50s more)")
        .contains("=== Health Check Complete: Restart skipped (protection active) ===");
    runner.verifyAllUsed();
  }

  @Test
  void stillFailingAfterTheOnlyLevelIsCritical() {
    activeSince(300);
    rounds(fail(), fail(), fail());
    runner.expect(RESTART);
    activeSince(30);
    rounds(fail(), fail(), fail());
    CheckReport report = check(Targets.paqetServer(), HealthCheck.Options.DEFAULT);
    assertThat(report.outcome()).isEqualTo(Outcome.CRITICAL);
    assertThat(out.toString())
        .contains("=== Health Check FAILED: Service still unhealthy after restart ===");
  }

  @Test
  void pm2EscalatesRestartThenResurrectThenEcosystemEachThroughTheGuard() throws Exception {
    Target app =
        new Target(
            "pm2-codebox",
            null,
            "pm2",
            null,
            null,
            Targets.pm2("codebox", "wdm-nobody", "/srv/app/ecosystem.config.js"),
            List.of(),
            org.watchdogmenu.model.Policy.DEFAULTS,
            null);
    // an account without a home has no pm2 daemon: inactive; every level runs as the app's user
    String[] asUser = {"runuser", "-u", "wdm-nobody", "--", "pm2"};
    runner.expect(concat(asUser, "restart", "codebox"));
    runner.expect(concat(asUser, "resurrect"));
    runner.expect(
        concat(
            asUser,
            "start",
            "/srv/app/ecosystem.config.js",
            "--only",
            "codebox",
            "--env",
            "production"));
    CheckReport report = check(app, HealthCheck.Options.DEFAULT);
    assertThat(report.outcome()).isEqualTo(Outcome.CRITICAL);
    assertThat(out.toString())
        .contains("Health check FAIL: Service is not active (PM2 daemon is not running)")
        .contains("Escalating to recovery level 2/3: runuser -u wdm-nobody -- pm2 resurrect")
        .contains(
            "Escalating to recovery level 3/3: runuser -u wdm-nobody -- pm2 start /srv/app/ecosystem.config.js --only codebox --env production");
    assertThat(Files.readAllLines(root.resolve("var/lib/watchdog-menu/state/pm2-codebox.txt")))
        .hasSize(3);
    runner.verifyAllUsed();
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  private static Target withService(org.watchdogmenu.model.ServiceSpec service) {
    return new Target(
        "demo",
        null,
        "demo",
        null,
        null,
        service,
        List.of(new org.watchdogmenu.model.TcpConnectProbeSpec(null, null, "127.0.0.1", 1)),
        org.watchdogmenu.model.Policy.DEFAULTS,
        null);
  }

  @Test
  void aDockerContainerStartedFiveSecondsAgoIsWithinItsGracePeriod() {
    Target docker = withService(new org.watchdogmenu.model.DockerService("kms"));
    runner
        .expect("docker", "inspect", "--format", "{{json .State}}", "kms")
        .prints(
            "{\"Status\":\"running\",\"Running\":true,\"StartedAt\":\""
                + T0.minusSeconds(5)
                + "\"}");
    CheckReport report = check(docker, HealthCheck.Options.DEFAULT);
    assertThat(report.outcome()).isEqualTo(Outcome.OK);
    assertThat(out.toString())
        .contains("Health check: Within grace period (uptime: 5s, grace: 30s) - tests skipped");
    assertThat(roundsRun).isZero();
    runner.verifyAllUsed();
  }

  @Test
  void aStatusCommandThatPrintsTheStartTimeFeedsTheGracePeriod() {
    Target command =
        withService(
            new org.watchdogmenu.model.CommandService(
                List.of("/opt/demo/restart.sh"),
                List.of("/opt/demo/status.sh"),
                null,
                null,
                null,
                List.of(),
                null));
    runner.expect("/opt/demo/status.sh").prints("running\n" + T0.minusSeconds(8) + "\n");
    assertThat(check(command, HealthCheck.Options.DEFAULT).outcome()).isEqualTo(Outcome.OK);
    assertThat(out.toString()).contains("Within grace period (uptime: 8s, grace: 30s)");
    assertThat(roundsRun).isZero();

    // epoch seconds work too; past the grace period the probes run
    runner.expect("/opt/demo/status.sh").prints((T0.getEpochSecond() - 120) + "\n");
    rounds(pass());
    assertThat(check(command, HealthCheck.Options.DEFAULT).outcome()).isEqualTo(Outcome.OK);
    assertThat(out.toString()).contains("Health check: Grace period passed (uptime: 120s)");

    // a start in the future does not hold the check in its grace period for ever
    runner.expect("/opt/demo/status.sh").prints(T0.plusSeconds(3600) + "\n");
    rounds(pass());
    assertThat(check(command, HealthCheck.Options.DEFAULT).outcome()).isEqualTo(Outcome.OK);
    assertThat(out.toString()).contains("is in the future; grace period not applied");
    runner.verifyAllUsed();
  }

  /** A command service (no status command) with two named probes and the given policy. */
  private static Target twoProbes(org.watchdogmenu.model.Policy policy) {
    return new Target(
        "demo-web",
        null,
        "demo",
        null,
        null,
        new org.watchdogmenu.model.CommandService(List.of("/opt/demo/restart.sh"), null),
        List.of(
            new org.watchdogmenu.model.TcpConnectProbeSpec("web port", null, "127.0.0.1", 8080),
            new org.watchdogmenu.model.HttpProbeSpec(
                "health page", null, "http://127.0.0.1:8080/health", null, null, null)),
        policy,
        null);
  }

  @Test
  void oneFailingProbeOfTwoLogsTheOthersPassNamesTheProbeAndCountsOneTime() {
    org.watchdogmenu.model.Policy once =
        new org.watchdogmenu.model.Policy(
            null, 1, null, Duration.ZERO, null, null, null, null, null);
    ProbeResult port = ProbeResult.pass("TCP connect 127.0.0.1:8080 open in 1ms", Duration.ZERO);
    ProbeResult page =
        ProbeResult.fail(
            "HTTP 503 from http://127.0.0.1:8080/health in 4ms (expected 200)", Duration.ZERO);
    rounds.add(List.of(port, page));
    runner.expect("/opt/demo/restart.sh");
    rounds.add(List.of(port, ProbeResult.pass("HTTP 200 from http://x in 2ms", Duration.ZERO)));
    CheckReport report = check(twoProbes(once), HealthCheck.Options.DEFAULT);
    assertThat(report.outcome()).isEqualTo(Outcome.WARNING);
    assertThat(out.toString())
        .contains("Running health check (web port, health page)...")
        .contains(
            "Health check PASS: web port: TCP connect 127.0.0.1:8080 open in 1ms\n"
                + "[2025-02-14T10:30:00Z] Health check FAIL: health page: HTTP 503 from"
                + " http://127.0.0.1:8080/health in 4ms (expected 200) (attempt 1/1)\n")
        .contains("=== Health Check FAILED: Health tests failed 1 time ===")
        .doesNotContain("1 times")
        // grace 0s: no "Waiting 0s"
        .contains("Verifying at once (no grace period)...")
        .doesNotContain("Waiting 0s")
        .contains("Health check PASS: health page: HTTP 200 from http://x in 2ms");
    runner.verifyAllUsed();
  }

  @Test
  void aTunnelClientSaysRunningClientHealthCheckAsTheOldScriptsDid() {
    Target client =
        new Target(
            "paqet-client",
            "Paqet client",
            "paqet",
            "client",
            null,
            Targets.systemd("paqet-client.service"),
            List.of(
                new org.watchdogmenu.model.ActiveProbeSpec(null, null),
                new org.watchdogmenu.model.Socks5ProbeSpec(
                    "SOCKS proxy test", null, null, "https://httpbin.org/ip", null, null)),
            org.watchdogmenu.model.Policy.DEFAULTS,
            null);
    runner
        .expect(
            "systemctl",
            "show",
            "paqet-client.service",
            "--property=LoadState,ActiveState,SubState,ActiveEnterTimestamp",
            "--timestamp=unix")
        .prints(
            "LoadState=loaded\nActiveState=active\nSubState=running\nActiveEnterTimestamp=@"
                + (T0.getEpochSecond() - 120)
                + "\n");
    rounds.add(
        List.of(
            ProbeResult.pass("service is active", Duration.ZERO),
            ProbeResult.pass(
                "SOCKS proxy test successful (port 1080): HTTP 200 in 80ms", Duration.ZERO)));
    assertThat(check(client, HealthCheck.Options.DEFAULT).outcome()).isEqualTo(Outcome.OK);
    assertThat(out.toString())
        .contains("Health check: Grace period passed (uptime: 120s)\n")
        .contains("Running client health check (SOCKS proxy test)...\n")
        .contains("Health check PASS: SOCKS proxy test successful (port 1080): HTTP 200 in 80ms\n")
        // "Service is active" was said: the active probe's own PASS line would repeat it
        .doesNotContain("PASS: service is active");
  }

  @Test
  void anUnknownProbeNeverRestarts() {
    activeSince(300);
    rounds(ProbeResult.unknown("curl not installed", Duration.ZERO));
    CheckReport report = check(Targets.paqetServer(), HealthCheck.Options.DEFAULT);
    assertThat(report.outcome()).isEqualTo(Outcome.UNKNOWN);
    // the summary (status, alerts) says what the probe said, so what to fix
    assertThat(report.summary()).isEqualTo("No restart: curl not installed");
    assertThat(roundsRun).isEqualTo(1);
    runner.verifyAllUsed();
  }

  @Test
  void aUnitThatIsNotInstalledIsUnknown() {
    runner
        .expect(SHOW)
        .prints(
            "LoadState=not-found\nActiveState=inactive\nSubState=dead\nActiveEnterTimestamp=\n");
    CheckReport report = check(Targets.paqetServer(), HealthCheck.Options.DEFAULT);
    assertThat(report.outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(out.toString()).contains("unit paqet-server.service is not installed");
    runner.verifyAllUsed();
  }

  @Test
  void noRestartChecksOnly() {
    activeSince(300);
    rounds(fail(), fail(), fail());
    CheckReport report =
        check(Targets.paqetServer(), HealthCheck.Options.health(CheckMode.CHECK_ONLY));
    assertThat(report.outcome()).isEqualTo(Outcome.CRITICAL);
    assertThat(out.toString()).contains("Restart not attempted (--no-restart)");
    runner.verifyAllUsed();
  }

  @Test
  void dryRunSaysWhatItWouldDoAndWritesNoState() {
    activeSince(300);
    rounds(fail(), fail(), fail());
    CheckReport report =
        check(Targets.paqetServer(), HealthCheck.Options.health(CheckMode.DRY_RUN));
    assertThat(report.outcome()).isEqualTo(Outcome.CRITICAL);
    assertThat(out.toString())
        .contains(
            "DRY RUN: would restart paqet-server (health): systemctl restart paqet-server.service");
    assertThat(root.resolve("var")).doesNotExist();
    runner.verifyAllUsed();
  }
}
