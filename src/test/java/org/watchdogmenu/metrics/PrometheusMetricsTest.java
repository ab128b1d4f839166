package org.watchdogmenu.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

class PrometheusMetricsTest {
  private static final Instant T0 = Instant.parse("2025-02-14T10:30:00Z");

  @TempDir Path root;
  private Host host;

  @BeforeEach
  void host() {
    host = TestHosts.scripted(root, new ScriptedCommandRunner(), new MutableClock(T0));
  }

  private Path textfile() {
    return root.resolve("var/lib/watchdog-menu/metrics/watchdog-menu.prom");
  }

  private static CheckSample check(boolean up, boolean failed, ProbeTiming... probes) {
    return new CheckSample(T0, up, failed, false, List.of(probes));
  }

  @Test
  void aCheckAndARestartGiveEverySeriesWithHelpAndType() throws Exception {
    Metrics metrics = Metrics.load(host);

    assertThat(
            metrics.afterRestart(
                "paqet-server",
                new RestartSample(T0.minusSeconds(40), RestartSource.HEALTH, true, false)))
        .isEmpty();
    assertThat(
            metrics.afterCheck(
                "paqet-server",
                check(
                    true,
                    true,
                    new ProbeTiming("SOCKS5 via 127.0.0.1:1080", "socks5", Duration.ofMillis(42)),
                    new ProbeTiming("active", "active", Duration.ofMillis(3)))))
        .isEmpty();

    assertThat(Files.readString(textfile()))
        .isEqualTo(
            "# HELP watchdog_up 1 if the target was healthy at its last check, else 0.\n"
                + "# TYPE watchdog_up gauge\n"
                + "watchdog_up{target=\"paqet-server\"} 1\n"
                + "# HELP watchdog_health_check_failures_total Health checks that found the target"
                + " unhealthy.\n"
                + "# TYPE watchdog_health_check_failures_total counter\n"
                + "watchdog_health_check_failures_total{target=\"paqet-server\"} 1\n"
                + "# HELP watchdog_restarts_total Restarts run, by who asked for them (health,"
                + " cron, manual, monitor).\n"
                + "# TYPE watchdog_restarts_total counter\n"
                + "watchdog_restarts_total{target=\"paqet-server\",source=\"health\"} 1\n"
                + "# HELP watchdog_probe_duration_seconds How long each probe took in the last"
                + " check.\n"
                + "# TYPE watchdog_probe_duration_seconds gauge\n"
                + "watchdog_probe_duration_seconds{target=\"paqet-server\",probe=\"SOCKS5 via"
                + " 127.0.0.1:1080\"} 0.042000\n"
                + "watchdog_probe_duration_seconds{target=\"paqet-server\",probe=\"active\"}"
                + " 0.003000\n"
                + "# HELP watchdog_restart_limit_reached 1 if automatic restarts are stopped"
                + " because the restart limit of the window is reached.\n"
                + "# TYPE watchdog_restart_limit_reached gauge\n"
                + "watchdog_restart_limit_reached{target=\"paqet-server\"} 0\n"
                + "# HELP watchdog_last_check_timestamp_seconds Unix time of the last health"
                + " check.\n"
                + "# TYPE watchdog_last_check_timestamp_seconds gauge\n"
                + "watchdog_last_check_timestamp_seconds{target=\"paqet-server\"} 1739529000\n"
                + "# HELP watchdog_paused_until_seconds Unix time when the target's maintenance"
                + " pause ends (restarts and alerts held until then), 0 when none.\n"
                + "# TYPE watchdog_paused_until_seconds gauge\n"
                + "watchdog_paused_until_seconds{target=\"paqet-server\"} 0\n");
  }

  @Test
  void countersKeepCountingAcrossRuns() throws Exception {
    for (int run = 0; run < 3; run++) {
      Metrics fresh = Metrics.load(host); // cron starts a new process every time
      fresh.afterCheck("web", check(false, true));
      fresh.afterRestart("web", new RestartSample(T0, RestartSource.CRON, true, false));
    }
    Metrics.load(host)
        .afterRestart("web", new RestartSample(T0, RestartSource.MANUAL, true, false));
    Metrics.load(host)
        .afterRestart("web", new RestartSample(T0, RestartSource.HEALTH, false, true));

    String text = Files.readString(textfile());
    assertThat(text)
        .contains("watchdog_health_check_failures_total{target=\"web\"} 3\n")
        .contains("watchdog_restarts_total{target=\"web\",source=\"cron\"} 3\n")
        .contains("watchdog_restarts_total{target=\"web\",source=\"manual\"} 1\n")
        .doesNotContain("source=\"health\"")
        .contains("watchdog_restart_limit_reached{target=\"web\"} 1\n")
        .contains("watchdog_up{target=\"web\"} 0\n");
  }

  @Test
  void runsAtOnceNeverLoseEachOthersTargets() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Callable<List<String>>> runs = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        String target = "svc-" + i;
        runs.add(() -> Metrics.load(host).afterCheck(target, check(true, false)));
      }
      for (Future<List<String>> f : pool.invokeAll(runs)) {
        assertThat(f.get()).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(Files.readAllLines(textfile()))
        .filteredOn(l -> l.startsWith("watchdog_up{"))
        .hasSize(10);
  }

  @Test
  void seriesOfTargetsNoLongerOnTheHostAreDroppedAtTheNextRewrite() throws Exception {
    Metrics.load(host).afterCheck("web", check(true, false));
    Metrics.load(host)
        .afterRestart("old-api", new RestartSample(T0, RestartSource.CRON, true, false));
    Metrics.load(host).afterCheck("old-api", check(false, true));
    assertThat(Files.readString(textfile())).contains("target=\"old-api\"");

    // old-api's file was removed: the next run knows only web and db
    Metrics.load(host)
        .keepingOnly(id -> id.equals("web") || id.equals("db"))
        .afterCheck("db", check(true, false));

    assertThat(Files.readString(textfile()))
        .contains("watchdog_up{target=\"web\"} 1\n", "watchdog_up{target=\"db\"} 1\n")
        .doesNotContain("old-api");
    assertThat(Files.readString(root.resolve("var/lib/watchdog-menu/metrics-state.json")))
        .doesNotContain("old-api");
    // without a list of targets (a caller that has no catalog) nothing is dropped
    Metrics.load(host).afterCheck("gone-too", check(true, false));
    Metrics.load(host).afterCheck("web", check(true, false));
    assertThat(Files.readString(textfile())).contains("target=\"gone-too\"");
  }

  @Test
  void labelValuesAreEscaped() throws Exception {
    Metrics.load(host)
        .afterCheck(
            "web",
            check(
                true,
                false,
                new ProbeTiming("say \"hi\"\\now\nnext", "command", Duration.ofMillis(1))));

    assertThat(Files.readString(textfile()))
        .contains(
            "watchdog_probe_duration_seconds{target=\"web\",probe=\"say \\\"hi\\\"\\\\now\\nnext\"}"
                + " 0.001000\n");
  }

  @Test
  void theLastRoundReplacesOldProbes() throws Exception {
    Metrics metrics = Metrics.load(host);
    metrics.afterCheck("web", check(true, false, new ProbeTiming("old", "tcp", Duration.ZERO)));
    metrics.afterCheck("web", check(true, false, new ProbeTiming("new", "tcp", Duration.ZERO)));

    assertThat(Files.readString(textfile())).contains("probe=\"new\"").doesNotContain("\"old\"");
  }

  @Test
  void aTextfileElsewhereOrNoneAtAll() throws Exception {
    MetricsFiles.write(
        root, "prometheus:\n  textfile: /var/lib/prometheus/node-exporter/watchdog-menu.prom\n");
    Metrics.load(host).afterCheck("web", check(true, false));
    assertThat(root.resolve("var/lib/prometheus/node-exporter/watchdog-menu.prom")).exists();

    MetricsFiles.write(root, "prometheus:\n  enabled: false\n");
    Files.delete(root.resolve("var/lib/prometheus/node-exporter/watchdog-menu.prom"));
    Metrics.load(host).afterCheck("web", check(true, false));
    assertThat(root.resolve("var/lib/prometheus/node-exporter/watchdog-menu.prom")).doesNotExist();
  }

  @Test
  void aBrokenStateFileIsReportedNotThrown() throws Exception {
    Path state = root.resolve("var/lib/watchdog-menu/metrics-state.json");
    Files.createDirectories(state.getParent());
    Files.writeString(state, "{not json");

    List<String> problems = Metrics.load(host).afterCheck("web", check(true, false));

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0))
        .startsWith("Metrics: Prometheus textfile not written: " + state + " is not readable")
        .endsWith("delete it to start the counters afresh");
  }
}
