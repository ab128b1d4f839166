package org.watchdogmenu.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

/**
 * The textfile against the real tools of Debian's prometheus and prometheus-node-exporter packages:
 * {@code promtool check metrics} accepts it and node_exporter's textfile collector serves it.
 */
class PrometheusTextfileIT {
  private static final Instant T0 = Instant.parse("2025-02-14T10:30:00Z");

  @TempDir Path root;
  private Path textfile;

  @BeforeEach
  void writeMetrics() throws Exception {
    Host host = TestHosts.scripted(root, new ScriptedCommandRunner(), new MutableClock(T0));
    Metrics metrics = Metrics.load(host);
    metrics.afterRestart("web", new RestartSample(T0, RestartSource.CRON, true, false));
    metrics.afterRestart("web", new RestartSample(T0, RestartSource.HEALTH, true, false));
    metrics.afterRestart("web", new RestartSample(T0, RestartSource.HEALTH, false, true));
    metrics.afterCheck(
        "web",
        new CheckSample(
            T0,
            false,
            true,
            true,
            List.of(
                new ProbeTiming("HTTP http://127.0.0.1:8080/health", "http", Duration.ofMillis(42)),
                new ProbeTiming("say \"hi\"\\now\nnext", "command", Duration.ofMillis(7)))));
    metrics.afterCheck("paqet-server", new CheckSample(T0, true, false, false, List.of()));
    textfile = root.resolve("var/lib/watchdog-menu/metrics/watchdog-menu.prom");
  }

  @Test
  void promtoolAcceptsTheTextfile() throws Exception {
    String promtool = RealTools.require("promtool", "prometheus");
    Process p =
        new ProcessBuilder(promtool, "check", "metrics")
            .redirectInput(textfile.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(out).isEmpty();
    assertThat(p.exitValue()).isZero();
  }

  @Test
  void promtoolWouldCatchABrokenFile() throws Exception {
    String promtool = RealTools.require("promtool", "prometheus");
    Path broken = root.resolve("broken.prom");
    Files.writeString(broken, Files.readString(textfile).replace("counter", "countr"));
    Process p =
        new ProcessBuilder(promtool, "check", "metrics")
            .redirectInput(broken.toFile())
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isNotZero();
  }

  @Test
  void nodeExporterServesTheSeries() throws Exception {
    String exporter = RealTools.require("prometheus-node-exporter", "prometheus-node-exporter");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process p =
        new ProcessBuilder(
                exporter,
                "--collector.disable-defaults",
                "--collector.textfile",
                "--collector.textfile.directory=" + textfile.getParent(),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("node-exporter.log").toFile())
            .start();
    try {
      String scrape = scrape("http://127.0.0.1:" + port + "/metrics");

      assertThat(scrape)
          .contains("node_textfile_scrape_error 0\n")
          .contains("watchdog_up{target=\"paqet-server\"} 1\n")
          .contains("watchdog_up{target=\"web\"} 0\n")
          .contains("watchdog_health_check_failures_total{target=\"web\"} 1\n")
          .contains("watchdog_restarts_total{source=\"cron\",target=\"web\"} 1\n")
          .contains("watchdog_restarts_total{source=\"health\",target=\"web\"} 1\n")
          .contains(
              "watchdog_probe_duration_seconds{probe=\"HTTP"
                  + " http://127.0.0.1:8080/health\",target=\"web\"} 0.042\n")
          .contains(
              "watchdog_probe_duration_seconds{probe=\"say \\\"hi\\\"\\\\now\\nnext\","
                  + "target=\"web\"} 0.007\n")
          .contains("watchdog_restart_limit_reached{target=\"web\"} 1\n")
          .contains("watchdog_last_check_timestamp_seconds{target=\"web\"} 1.739529e+09\n")
          .contains("# TYPE watchdog_restarts_total counter\n");
    } finally {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  /** Scrapes once the exporter listens (it needs a moment to start). */
  private static String scrape(String url) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    IOException last = null;
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
      } catch (IOException e) {
        last = e;
        Thread.sleep(100);
      }
    }
    throw new AssertionError("node exporter did not answer on " + url, last);
  }
}
