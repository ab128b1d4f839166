package org.watchdogmenu.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

class CloudWatchTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2025-02-14T10:30:00Z");

  @TempDir Path root;
  private final ScriptedCommandRunner runner = new ScriptedCommandRunner();
  private Host host;

  @BeforeEach
  void host() {
    host = TestHosts.scripted(root, runner, new MutableClock(T0));
  }

  private static CheckSample unhealthy() {
    return new CheckSample(
        T0,
        false,
        true,
        false,
        List.of(
            new ProbeTiming(
                "HTTP http://localhost:5000/api-health", "http", Duration.ofMillis(187)),
            new ProbeTiming("pm2 codebox", "pm2", Duration.ofMillis(420))));
  }

  private List<JsonNode> emfLines() throws Exception {
    return Files.readAllLines(root.resolve("var/log/watchdog-menu/cloudwatch-emf.log")).stream()
        .map(
            l -> {
              try {
                return JSON.readTree(l);
              } catch (Exception e) {
                throw new AssertionError("not JSON: " + l, e);
              }
            })
        .toList();
  }

  @Test
  void emfLinesCarryTheAwsEnvelopeAndSeed004sMetrics() throws Exception {
    MetricsFiles.write(root, "cloudwatch:\n  mode: emf\n");
    Metrics metrics = Metrics.load(host);

    assertThat(metrics.afterCheck("pm2-codebox", unhealthy())).isEmpty();
    assertThat(
            metrics.afterRestart(
                "pm2-codebox",
                new RestartSample(T0.plusSeconds(1), RestartSource.MONITOR, true, false)))
        .isEmpty();
    metrics.afterRestart(
        "pm2-codebox", new RestartSample(T0.plusSeconds(2), RestartSource.MONITOR, false, true));

    List<JsonNode> lines = emfLines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .isEqualTo(
            JSON.readTree(
                "{\"_aws\":{\"Timestamp\":1739529000000,\"CloudWatchMetrics\":[{"
                    + "\"Namespace\":\"PM2/CodeBox\",\"Dimensions\":[[\"Target\"]],\"Metrics\":["
                    + "{\"Name\":\"ServiceStatus\",\"Unit\":\"None\"},"
                    + "{\"Name\":\"HealthCheckFailures\",\"Unit\":\"Count\"},"
                    + "{\"Name\":\"ResponseTime\",\"Unit\":\"Milliseconds\"}]}]},"
                    + "\"Target\":\"pm2-codebox\",\"ServiceStatus\":0,\"HealthCheckFailures\":1,"
                    + "\"ResponseTime\":187}"));
    JsonNode restart = lines.get(1);
    assertThat(restart.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").get(0))
        .isEqualTo(JSON.readTree("{\"Name\":\"ServiceRestarts\",\"Unit\":\"Count\"}"));
    assertThat(restart.path("ServiceRestarts").asLong()).isEqualTo(1);
    assertThat(restart.path("_aws").path("Timestamp").asLong()).isEqualTo(1739529001000L);
  }

  @Test
  void aTargetCanHaveItsOwnNamespace() throws Exception {
    MetricsFiles.write(
        root, "cloudwatch:\n  namespace: Watchdog\n  namespaces:\n    pm2-codebox: PM2/CodeBox\n");
    Metrics metrics = Metrics.load(host);
    metrics.afterCheck("pm2-codebox", unhealthy());
    metrics.afterCheck("svc-mingus-backend", new CheckSample(T0, true, false, false, List.of()));

    List<JsonNode> lines = emfLines();
    assertThat(lines)
        .extracting(l -> l.at("/_aws/CloudWatchMetrics/0/Namespace").asText())
        .containsExactly("PM2/CodeBox", "Watchdog");
    assertThat(lines.get(1).has("ResponseTime")).isFalse();
    assertThat(lines.get(1).path("ServiceStatus").asInt()).isEqualTo(1);
  }

  @Test
  void theAwsCliGetsTheExactArgv() throws Exception {
    MetricsFiles.write(
        root,
        "cloudwatch:\n  mode: cli\n  aws: /usr/local/bin/aws\n  region: us-east-1\n  timeout: 8s\n");
    runner.expect(
        "/usr/local/bin/aws",
        "cloudwatch",
        "put-metric-data",
        "--namespace",
        "PM2/CodeBox",
        "--region",
        "us-east-1",
        "--metric-data",
        "[{\"MetricName\":\"ServiceStatus\",\"Dimensions\":[{\"Name\":\"Target\","
            + "\"Value\":\"pm2-codebox\"}],\"Timestamp\":\"2025-02-14T10:30:00Z\",\"Value\":0,"
            + "\"Unit\":\"None\"},{\"MetricName\":\"HealthCheckFailures\",\"Dimensions\":"
            + "[{\"Name\":\"Target\",\"Value\":\"pm2-codebox\"}],\"Timestamp\":"
            + "\"2025-02-14T10:30:00Z\",\"Value\":1,\"Unit\":\"Count\"},{\"MetricName\":"
            + "\"ResponseTime\",\"Dimensions\":[{\"Name\":\"Target\",\"Value\":\"pm2-codebox\"}],"
            + "\"Timestamp\":\"2025-02-14T10:30:00Z\",\"Value\":187,\"Unit\":\"Milliseconds\"}]");
    runner.expect(
        "/usr/local/bin/aws",
        "cloudwatch",
        "put-metric-data",
        "--namespace",
        "PM2/CodeBox",
        "--region",
        "us-east-1",
        "--metric-data",
        "[{\"MetricName\":\"ServiceRestarts\",\"Dimensions\":[{\"Name\":\"Target\","
            + "\"Value\":\"pm2-codebox\"}],\"Timestamp\":\"2025-02-14T10:30:05Z\",\"Value\":1,"
            + "\"Unit\":\"Count\"}]");
    Metrics metrics = Metrics.load(host);

    assertThat(metrics.afterCheck("pm2-codebox", unhealthy())).isEmpty();
    assertThat(
            metrics.afterRestart(
                "pm2-codebox",
                new RestartSample(T0.plusSeconds(5), RestartSource.HEALTH, true, false)))
        .isEmpty();
    assertThat(
            metrics.afterRestart(
                "pm2-codebox",
                new RestartSample(T0.plusSeconds(6), RestartSource.HEALTH, false, true)))
        .isEmpty();

    runner.verifyAllUsed();
    assertThat(runner.seen()).extracting(c -> c.timeout()).containsOnly(Duration.ofSeconds(8));
  }

  @Test
  void aFailingAwsCliIsAProblemLineNotAnError() throws Exception {
    MetricsFiles.write(root, "cloudwatch:\n  mode: cli\n");
    runner
        .expect(
            "aws",
            "cloudwatch",
            "put-metric-data",
            "--namespace",
            "PM2/CodeBox",
            "--metric-data",
            AwsCli.metricData(
                "web", T0, List.of(new CloudWatchDatum("ServiceRestarts", 1, "Count"))))
        .exits(255)
        .printsError(
            "Unable to locate credentials. You can configure credentials by running \"aws configure\".");

    List<String> problems =
        Metrics.load(host)
            .afterRestart("web", new RestartSample(T0, RestartSource.CRON, true, false));

    assertThat(problems)
        .containsExactly(
            "Metrics: CloudWatch not updated: aws cloudwatch put-metric-data exit 255: Unable to"
                + " locate credentials. You can configure credentials by running \"aws"
                + " configure\".");
    assertThat(root.resolve("var/lib/watchdog-menu/metrics/watchdog-menu.prom")).exists();
  }
}
