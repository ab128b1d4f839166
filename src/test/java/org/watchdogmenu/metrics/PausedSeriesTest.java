package org.watchdogmenu.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

/**
 * {@code watchdog_paused_until_seconds}: set by a pause and by each check during it, kept across
 * runs while other series change, back to 0 at resume; and the monitor's heartbeat textfile.
 */
class PausedSeriesTest {
  private static final Instant T0 = Instant.parse("2025-02-14T10:30:00Z");
  private static final Instant END = T0.plusSeconds(1800);

  @TempDir Path root;

  private Host host() {
    return TestHosts.scripted(root, new ScriptedCommandRunner(), new MutableClock(T0));
  }

  private String textfile() throws Exception {
    return Files.readString(root.resolve("var/lib/watchdog-menu/metrics/watchdog-menu.prom"));
  }

  @Test
  void thePausesEndIsKeptAcrossRunsUntilResume() throws Exception {
    assertThat(Metrics.load(host()).paused("web", Optional.of(END))).isEmpty();
    assertThat(textfile()).contains("watchdog_paused_until_seconds{target=\"web\"} 1739530800\n");

    Metrics.load(host())
        .afterRestart("web", new RestartSample(T0, RestartSource.MANUAL, true, false));
    Metrics.load(host())
        .afterCheck("api", new CheckSample(T0, true, false, false, List.of()), Optional.empty());
    assertThat(textfile())
        .as("other runs keep it")
        .contains("watchdog_paused_until_seconds{target=\"web\"} 1739530800\n")
        .contains("watchdog_paused_until_seconds{target=\"api\"} 0\n");

    Metrics.load(host())
        .afterCheck("web", new CheckSample(T0, false, true, false, List.of()), Optional.of(END));
    assertThat(textfile())
        .contains("watchdog_up{target=\"web\"} 0\n")
        .contains("watchdog_paused_until_seconds{target=\"web\"} 1739530800\n");

    Metrics.load(host()).paused("web", Optional.empty());
    assertThat(textfile()).contains("watchdog_paused_until_seconds{target=\"web\"} 0\n");
    assertThat(Files.readString(root.resolve("var/lib/watchdog-menu/metrics-state.json")))
        .doesNotContain("pausedUntil");
  }

  @Test
  void theMonitorsHeartbeatHasATextfileOfItsOwnThatACleanStopRemoves() throws Exception {
    Path beat = root.resolve("var/lib/watchdog-menu/metrics/watchdog-menu-monitor.prom");
    assertThat(Metrics.load(host()).monitorBeat(T0)).isEmpty();
    assertThat(Files.readString(beat))
        .isEqualTo(
            "# HELP watchdog_monitor_heartbeat_timestamp_seconds Unix time of the continuous"
                + " monitor's last beat.\n"
                + "# TYPE watchdog_monitor_heartbeat_timestamp_seconds gauge\n"
                + "watchdog_monitor_heartbeat_timestamp_seconds 1739529000\n");
    assertThat(Metrics.load(host()).monitorStopped()).isEmpty();
    assertThat(beat).doesNotExist();
  }
}
