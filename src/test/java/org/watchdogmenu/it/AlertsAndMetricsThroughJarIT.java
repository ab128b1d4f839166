package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks and restarts through the real jar reach a webhook and the Prometheus textfile. */
class AlertsAndMetricsThroughJarIT {
  @TempDir Path dir;
  private Sandbox sandbox;
  private WebhookReceiver receiver;

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
    receiver = new WebhookReceiver();
    receiver.configure(sandbox);
  }

  @AfterEach
  void tearDown() {
    receiver.close();
  }

  @Test
  void aRestartThatDoesNotHelpAlertsOnceAndTheLimitAlertsOnce() throws Exception {
    int closedPort = Sandbox.freePort();
    sandbox.target(
        "flaky",
        String.join(
            "\n",
            "id: flaky",
            "service: {kind: command, restart: [\"/bin/true\"]}",
            "probes:",
            "  - {type: tcp-connect, host: 127.0.0.1, port: " + closedPort + "}",
            "policy: {retries: 1, grace: 1s, cooldown: 1s, max_restarts: 2}",
            ""));
    for (int i = 0; i < 4; i++) {
      Jar.Run run = Jar.run(sandbox.root, "check", "flaky");
      assertThat(run.exit()).as(run.out() + run.err()).isIn(1, 2);
      Thread.sleep(1100);
    }
    List<String> events = receiver.received().stream().map(n -> n.path("event").asText()).toList();
    assertThat(events).containsExactly("restart-failed", "limit-reached");
    assertThat(receiver.received().get(0).path("target").asText()).isEqualTo("flaky");

    String prom =
        Files.readString(
            sandbox.path("/var/lib/watchdog-menu/metrics/watchdog-menu.prom"),
            StandardCharsets.UTF_8);
    assertThat(prom)
        .contains("watchdog_up{target=\"flaky\"} 0")
        .contains("watchdog_health_check_failures_total{target=\"flaky\"} 4")
        .contains("watchdog_restarts_total{target=\"flaky\",source=\"health\"} 2")
        .contains("watchdog_restart_limit_reached{target=\"flaky\"} 1");
  }

  @Test
  void theTextfileDropsTargetsWhoseFileWasRemoved() throws Exception {
    int port = Sandbox.freePort();
    String target =
        "service: {kind: command, restart: [\"/bin/true\"]}\n"
            + "probes:\n  - {type: tcp-connect, host: 127.0.0.1, port: "
            + port
            + "}\npolicy: {retries: 1}\n";
    Path removed = sandbox.target("old-api", "id: old-api\n" + target);
    sandbox.target("web", "id: web\n" + target);
    for (String id : List.of("old-api", "web")) {
      Jar.Run run = Jar.run(sandbox.root, "check", id, "--no-restart");
      assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
    }
    Path prom = sandbox.path("/var/lib/watchdog-menu/metrics/watchdog-menu.prom");
    assertThat(Files.readString(prom)).contains("watchdog_up{target=\"old-api\"} 0");

    Files.delete(removed);
    Jar.Run run = Jar.run(sandbox.root, "check", "web", "--no-restart");
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(Files.readString(prom))
        .contains("watchdog_up{target=\"web\"} 0")
        .doesNotContain("old-api");
  }

  @Test
  void aDryRunSendsNothingAndWritesNoMetrics() throws Exception {
    int closedPort = Sandbox.freePort();
    sandbox.target(
        "quiet",
        "id: quiet\nservice: {kind: command, restart: [\"/bin/true\"]}\nprobes:\n  - {type: tcp-connect, host: 127.0.0.1, port: "
            + closedPort
            + "}\npolicy: {retries: 1}\n");
    Jar.Run run = Jar.run(sandbox.root, "check", "quiet", "--dry-run");
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(receiver.received()).isEmpty();
    assertThat(sandbox.path("/var/lib/watchdog-menu")).doesNotExist();
  }
}
