package org.watchdogmenu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;
import org.watchdogmenu.probe.ProbeResult;

class NotificationsTest {
  @TempDir Path root;
  private final MutableClock clock = MutableClock.at("2025-02-14T10:30:00Z");
  private final StringWriter out = new StringWriter();

  private Notifications notifications() {
    Host host = TestHosts.scripted(root, new ScriptedCommandRunner(), clock);
    return Notifications.load(host, new EngineLog(null, new PrintWriter(out), clock), id -> true);
  }

  private String textfile() throws Exception {
    return Files.readString(root.resolve("var/lib/watchdog-menu/metrics/watchdog-menu.prom"));
  }

  @Test
  void aCheckThatEndedInTheGracePeriodRanNoProbeAndIsStillRecorded() throws Exception {
    CheckReport grace =
        new CheckReport(clock.instant(), Outcome.OK, "Starting (within grace period)");
    notifications().afterCheck(Targets.paqetServer(), grace, false, List.of());
    assertThat(textfile()).contains("watchdog_up{target=\"paqet-server\"} 1");
    assertThat(out.toString()).doesNotContain("WARNING");
  }

  @Test
  void probeTimesAreRecordedWhenProbesRan() throws Exception {
    CheckReport failed = new CheckReport(clock.instant(), Outcome.CRITICAL, "unhealthy");
    ProbeResult slow = ProbeResult.fail("no answer", Duration.ofMillis(1500));
    notifications().afterCheck(Targets.paqetServer(), failed, true, List.of(slow));
    assertThat(textfile())
        .contains("watchdog_up{target=\"paqet-server\"} 0")
        .contains("watchdog_health_check_failures_total{target=\"paqet-server\"} 1")
        .containsPattern(
            "watchdog_probe_duration_seconds\\{target=\"paqet-server\",probe=\"[^\"]+\"\\} 1.5");
  }

  @Test
  void aBrokenAlertsFileTurnsAlertsOffWithOneLineAndChecksGoOn() throws Exception {
    Path alerts = root.resolve("etc/watchdog-menu/alerts.yaml");
    Files.createDirectories(alerts.getParent());
    Files.writeString(alerts, "chanels: []\n");
    Notifications n = notifications();
    n.afterRestart(Targets.paqetServer(), RestartSource.CRON, RestartGuard.Result.DENIED);
    assertThat(out.toString()).contains("WARNING: alerts are off: ").contains("chanels");
  }
}
