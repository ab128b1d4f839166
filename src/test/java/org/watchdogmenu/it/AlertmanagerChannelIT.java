package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks through the real jar reach the real Alertmanager: a failing target's alert fires with the
 * tool's labels, a silence made through Alertmanager's API suppresses it, and the target passing
 * again resolves it, seconds later, inside the storm window.
 */
class AlertmanagerChannelIT {
  @TempDir Path dir;

  @Test
  void aFailureFiresASilenceSuppressesItAndTheRecoveryResolvesIt() throws Exception {
    Sandbox sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
    int port = Sandbox.freePort();
    sandbox.target(
        "edge-api",
        String.join(
            "\n",
            "id: edge-api",
            "role: edge",
            "service: {kind: command, restart: [\"/bin/true\"]}",
            "probes:",
            "  - {type: tcp-connect, host: 127.0.0.1, port: " + port + "}",
            "policy: {retries: 1, grace: 1s, cooldown: 1s, max_restarts: 5}",
            ""));
    String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    try (AlertmanagerServer am = AlertmanagerServer.start(dir)) {
      writeAlerts(sandbox, am.url());

      Jar.Run failing = Jar.run(sandbox.root, "check", "edge-api");
      assertThat(failing.exit()).as(failing.out() + failing.err()).isIn(1, 2);
      List<JsonNode> alerts = am.alerts();
      assertThat(alerts).as(am.log()).hasSize(1);
      JsonNode alert = alerts.get(0);
      assertThat(labels(alert))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "alertname", "WatchdogRestartFailed",
                  "host", host,
                  "target", "edge-api",
                  "system", "custom",
                  "role", "edge",
                  "event", "restart-failed",
                  "severity", "critical",
                  "team", "ops"));
      assertThat(alert.path("annotations").path("summary").asText())
          .isEqualTo("edge-api on " + host + ": restart-failed");
      assertThat(alert.path("status").path("state").asText()).isEqualTo("active");
      assertThat(Instant.parse(alert.path("endsAt").asText()))
          .isAfter(Instant.now().plusSeconds(3600));

      String silence = am.silence("target", "edge-api");
      JsonNode silenced = am.alerts().get(0);
      assertThat(silenced.path("status").path("state").asText()).isEqualTo("suppressed");
      assertThat(silenced.path("status").path("silencedBy").get(0).asText()).isEqualTo(silence);

      try (ServerSocket up =
          new ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress())) {
        Jar.Run passing = Jar.run(sandbox.root, "check", "edge-api");
        assertThat(passing.exit()).as(passing.out() + passing.err()).isZero();
      }
      assertThat(am.alerts()).as("resolved alerts leave the list; " + am.log()).isEmpty();
      String log = Files.readString(sandbox.path("/var/log/edge-api-health.log"));
      assertThat(log).contains("Alert recovered for edge-api sent");
    }
  }

  @Test
  void theStormWindowHoldsBackARepeatButNotTheResolve() throws Exception {
    Sandbox sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
    int port = Sandbox.freePort();
    sandbox.target(
        "flaky",
        String.join(
            "\n",
            "id: flaky",
            "service: {kind: command, restart: [\"/bin/true\"]}",
            "probes:",
            "  - {type: tcp-connect, host: 127.0.0.1, port: " + port + "}",
            "policy: {retries: 1, grace: 1s, cooldown: 1s, max_restarts: 9}",
            ""));
    try (AlertmanagerServer am = AlertmanagerServer.start(dir)) {
      writeAlerts(sandbox, am.url());
      assertThat(Jar.run(sandbox.root, "check", "flaky").exit()).isIn(1, 2);
      String first = am.alerts().get(0).path("startsAt").asText();
      Thread.sleep(1100);
      assertThat(Jar.run(sandbox.root, "check", "flaky").exit()).isIn(1, 2);
      String log = Files.readString(sandbox.path("/var/log/flaky-health.log"));
      assertThat(log).contains("Alert restart-failed for flaky suppressed");
      assertThat(am.alerts()).hasSize(1);
      assertThat(am.alerts().get(0).path("startsAt").asText()).isEqualTo(first);

      try (ServerSocket up =
          new ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress())) {
        assertThat(Jar.run(sandbox.root, "check", "flaky").exit()).isZero();
      }
      assertThat(am.alerts()).as("the resolve inside the window is sent").isEmpty();
    }
  }

  private static void writeAlerts(Sandbox sandbox, String url) throws Exception {
    Path alerts = sandbox.path("/etc/watchdog-menu/alerts.yaml");
    Files.createDirectories(alerts.getParent());
    Files.writeString(
        alerts,
        String.join(
            "\n",
            "channels:",
            "  - type: alertmanager",
            "    url: " + url,
            "    labels: {team: ops}",
            ""));
    Files.setPosixFilePermissions(alerts, PosixFilePermissions.fromString("rw-------"));
  }

  private static Map<String, String> labels(JsonNode alert) {
    Map<String, String> labels = new java.util.TreeMap<>();
    alert
        .path("labels")
        .fields()
        .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }
}
