package org.watchdogmenu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

/** What programs and files print reaches the log and the report as one harmless line. */
class HealthCheckEscapingTest {
  private static final String[] SHOW = {
    "systemctl",
    "show",
    "paqet-server.service",
    "--property=LoadState,ActiveState,SubState,ActiveEnterTimestamp",
    "--timestamp=unix"
  };

  @TempDir Path root;
  private final ScriptedCommandRunner runner = new ScriptedCommandRunner();
  private final MutableClock clock = new MutableClock(Instant.parse("2025-02-14T10:30:00Z"));
  private final Target target = Targets.paqetServer();

  @Test
  void serviceDetailsWithEscapeSequencesAreEscaped() throws Exception {
    runner.expect(SHOW).prints("LoadState=loaded\nActiveState=failed\nSubState=failed\u001b[2J\n");

    CheckReport report = check(context -> List.of());

    assertThat(Files.readString(root.resolve("health.log")))
        .contains("Health check FAIL: Service is not active (failed (failed\\x1b[2J))")
        .doesNotContain("\u001b");
    assertThat(report.summary()).doesNotContain("\u001b").contains("\\x1b[2J");
  }

  @Test
  void probeMessagesCannotForgeALineOrTouchTheTerminal() throws Exception {
    runner
        .expect(SHOW)
        .prints(
            "LoadState=loaded\nActiveState=active\nSubState=running\nActiveEnterTimestamp=@1\n");
    ProbeRound probes =
        context ->
            List.of(
                ProbeResult.fail(
                    "1 line matches /error/, first: \u001b]0;owned\u0007\n[2025] forged",
                    Duration.ofMillis(3)));

    check(probes);

    assertThat(Files.readString(root.resolve("health.log")))
        .contains(
            "Health check FAIL: 1 line matches /error/, first: \\x1b]0;owned\\x07\\x0a[2025] forged")
        .doesNotContain("\u001b")
        .doesNotContain("\n[2025] forged");
  }

  private CheckReport check(ProbeRound probes) {
    Host host = TestHosts.scripted(root, runner, clock);
    EngineLog log =
        new EngineLog(root.resolve("health.log"), new PrintWriter(new StringWriter()), clock);
    return new HealthCheck(
            host,
            target,
            ServiceControls.forTarget(target, host),
            probes,
            log,
            EngineEvents.NONE,
            new RestartGuard(host, target, log, EngineEvents.NONE))
        .run(HealthCheck.Options.health(CheckMode.CHECK_ONLY));
  }
}
