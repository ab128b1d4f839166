package org.watchdogmenu.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

class AlertsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path root;
  private final MutableClock clock = MutableClock.at("2025-02-14T10:30:00Z");
  private final List<Receiver> receivers = new ArrayList<>();
  private Host host;

  @BeforeEach
  void host() {
    host = TestHosts.scripted(root, new ScriptedCommandRunner(), clock);
  }

  @AfterEach
  void stopReceivers() {
    receivers.forEach(Receiver::close);
  }

  private Receiver receiver() throws Exception {
    Receiver r = new Receiver();
    receivers.add(r);
    return r;
  }

  private Alerts alerts(String yaml) throws Exception {
    AlertFiles.write(root, yaml, "rw-------");
    return new Alerts(host, AlertsFile.read(host.root()), "web-01");
  }

  private AlertEvent event(AlertKind kind) {
    return AlertEvent.of(kind, "paqet-server", clock.instant(), "Restart FAILED: exit 1");
  }

  @Test
  void slackGetsItsTextShape() throws Exception {
    Receiver slack = receiver();
    Alerts alerts = alerts("channels:\n  - type: slack\n    url: " + slack.url("/hooks/T1") + "\n");

    Delivery d =
        alerts.notify(
            new AlertEvent(
                AlertKind.LIMIT_REACHED,
                "paqet-server",
                clock.instant(),
                "Restart DENIED: limit reached (5/5 per hour)",
                Map.of("restarts", "5/5")),
            HOUR);

    assertThat(d.status()).isEqualTo(Delivery.Status.SENT);
    assertThat(d.delivered()).isTrue();
    assertThat(slack.requests()).hasSize(1);
    Receiver.Request r = slack.requests().get(0);
    assertThat(r.path()).isEqualTo("/hooks/T1");
    assertThat(r.headers().get("Content-type")).containsExactly("application/json");
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.size()).isEqualTo(1);
    assertThat(body.get("text").asText())
        .isEqualTo(
            "[watchdog-menu on web-01] paqet-server: limit-reached - Restart DENIED: limit reached"
                + " (5/5 per hour)\nrestarts: 5/5");
  }

  @Test
  void theGenericWebhookGetsEventTargetMessageTimeAndHost() throws Exception {
    Receiver hook = receiver();
    Alerts alerts =
        alerts(
            "channels:\n"
                + "  - type: webhook\n"
                + "    url: "
                + hook.url("/webhook")
                + "\n"
                + "    headers:\n"
                + "      Authorization: Bearer s3cret\n");
    Map<String, String> details = new LinkedHashMap<>();
    details.put("level", "1/2");
    details.put("command", "systemctl restart paqet-server");

    alerts.notify(
        new AlertEvent(
            AlertKind.RESTART_FAILED, "paqet-server", clock.instant(), "Restart FAILED", details),
        HOUR);

    Receiver.Request r = hook.requests().get(0);
    assertThat(r.headers().get("Authorization")).containsExactly("Bearer s3cret");
    assertThat(JSON.readTree(r.body()))
        .isEqualTo(
            JSON.readTree(
                "{\"event\":\"restart-failed\",\"target\":\"paqet-server\","
                    + "\"message\":\"Restart FAILED\",\"time\":\"2025-02-14T10:30:00Z\","
                    + "\"host\":\"web-01\",\"details\":{\"level\":\"1/2\","
                    + "\"command\":\"systemctl restart paqet-server\"}}"));
  }

  @Test
  void aRestartStormAlertsOncePerWindow() throws Exception {
    Receiver hook = receiver();
    Alerts alerts = alerts("channels:\n  - type: webhook\n    url: " + hook.url("/") + "\n");

    List<Delivery.Status> statuses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      statuses.add(alerts.notify(event(AlertKind.RESTART_FAILED), HOUR).status());
      clock.advance(Duration.ofMinutes(2));
    }
    assertThat(hook.requests()).hasSize(1);
    assertThat(statuses.get(0)).isEqualTo(Delivery.Status.SENT);
    assertThat(statuses.subList(1, 20)).containsOnly(Delivery.Status.SUPPRESSED);

    clock.advance(Duration.ofMinutes(21)); // 61 minutes after the first alert
    Delivery again = alerts.notify(event(AlertKind.RESTART_FAILED), HOUR);

    assertThat(again.status()).isEqualTo(Delivery.Status.SENT);
    assertThat(hook.requests()).hasSize(2);
  }

  @Test
  void theMemorySurvivesANewProcess() throws Exception {
    Receiver hook = receiver();
    String yaml = "channels:\n  - type: webhook\n    url: " + hook.url("/") + "\n";
    alerts(yaml).notify(event(AlertKind.RESTART_DONE), HOUR);
    clock.advance(Duration.ofMinutes(5));

    Delivery second = alerts(yaml).notify(event(AlertKind.RESTART_DONE), HOUR);

    assertThat(second.status()).isEqualTo(Delivery.Status.SUPPRESSED);
    assertThat(second.logLines())
        .containsExactly(
            "Alert restart-done for paqet-server suppressed: already sent at"
                + " 2025-02-14T10:30:00Z (one restart-done per 1 hour)");
    assertThat(hook.requests()).hasSize(1);
    assertThat(root.resolve("var/lib/watchdog-menu/alerts/paqet-server.json")).exists();
  }

  @Test
  void eachKindHasItsOwnWindowAndLimitReachedAlwaysGoesOut() throws Exception {
    Receiver hook = receiver();
    Alerts alerts = alerts("channels:\n  - type: webhook\n    url: " + hook.url("/") + "\n");

    alerts.notify(event(AlertKind.RESTART_FAILED), HOUR);
    clock.advance(Duration.ofMinutes(1));
    Delivery limit = alerts.notify(event(AlertKind.LIMIT_REACHED), HOUR);
    clock.advance(Duration.ofMinutes(1));
    Delivery limitAgain = alerts.notify(event(AlertKind.LIMIT_REACHED), HOUR);

    assertThat(limit.status()).isEqualTo(Delivery.Status.SENT);
    assertThat(limitAgain.status()).isEqualTo(Delivery.Status.SUPPRESSED);
    assertThat(hook.requests()).hasSize(2);
  }

  @Test
  void recoveredGoesOutOnlyAfterAFailureWasAlerted() throws Exception {
    Receiver hook = receiver();
    Alerts alerts = alerts("channels:\n  - type: webhook\n    url: " + hook.url("/") + "\n");

    assertThat(alerts.notify(event(AlertKind.RECOVERED), HOUR).status())
        .isEqualTo(Delivery.Status.SUPPRESSED);
    alerts.notify(event(AlertKind.CHECK_UNKNOWN), HOUR);
    clock.advance(Duration.ofMinutes(3));
    Delivery recovered = alerts.notify(event(AlertKind.RECOVERED), HOUR);
    clock.advance(Duration.ofMinutes(3));
    Delivery repeat = alerts.notify(event(AlertKind.RECOVERED), HOUR);

    assertThat(recovered.status()).isEqualTo(Delivery.Status.SENT);
    assertThat(repeat.status()).isEqualTo(Delivery.Status.SUPPRESSED);
    assertThat(hook.requests())
        .extracting(r -> JSON.readTree(r.body()).get("event").asText())
        .containsExactly("check-unknown", "recovered");
  }

  @Test
  void aTargetThatStaysDownIsRemindedOfEveryRemindInterval() throws Exception {
    Receiver hook = receiver();
    Alerts alerts =
        alerts("remind_every: 15m\nchannels:\n  - type: webhook\n    url: " + hook.url("/") + "\n");

    List<Delivery.Status> statuses = new ArrayList<>();
    for (int minute = 0; minute <= 35; minute += 5) {
      statuses.add(alerts.notify(event(AlertKind.LIMIT_REACHED), HOUR).status());
      clock.advance(Duration.ofMinutes(5));
    }

    // minutes 0, 5, 10, 15, 20, 25, 30, 35
    assertThat(statuses)
        .containsExactly(
            Delivery.Status.SENT,
            Delivery.Status.SUPPRESSED,
            Delivery.Status.SUPPRESSED,
            Delivery.Status.REMINDER_SENT,
            Delivery.Status.SUPPRESSED,
            Delivery.Status.SUPPRESSED,
            Delivery.Status.REMINDER_SENT,
            Delivery.Status.SUPPRESSED);
    assertThat(JSON.readTree(hook.requests().get(1).body()).get("message").asText())
        .isEqualTo(
            "Reminder, down since 2025-02-14T10:30:00Z (every 15 minutes): Restart FAILED: exit 1");
  }

  @Test
  void noRemindersWithoutRemindEvery() throws Exception {
    Receiver hook = receiver();
    Alerts alerts = alerts("channels:\n  - type: webhook\n    url: " + hook.url("/") + "\n");
    for (int i = 0; i < 12; i++) {
      alerts.notify(event(AlertKind.RESTART_FAILED), HOUR);
      clock.advance(Duration.ofMinutes(4));
    }
    assertThat(hook.requests()).hasSize(1);
  }

  @Test
  void anAlertNoChannelTookIsTriedAgainNextTime() throws Exception {
    Receiver broken = receiver().answering(500);
    Alerts alerts = alerts("channels:\n  - type: webhook\n    url: " + broken.url("/") + "\n");

    Delivery first = alerts.notify(event(AlertKind.RESTART_FAILED), HOUR);
    clock.advance(Duration.ofMinutes(1));
    Delivery second = alerts.notify(event(AlertKind.RESTART_FAILED), HOUR);

    assertThat(first.delivered()).isFalse();
    assertThat(first.logLines().get(0))
        .startsWith("Alert restart-failed for paqet-server FAILED on every channel");
    assertThat(first.results().get(0).detail()).isEqualTo("HTTP 500: no such hook");
    assertThat(second.status()).isEqualTo(Delivery.Status.SENT);
    assertThat(broken.requests()).hasSize(2);
  }

  @Test
  void aRefusedWebhookFailsFast() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Alerts alerts =
        alerts(
            "channels:\n  - type: webhook\n    timeout: 3s\n    url: http://127.0.0.1:"
                + closedPort
                + "/hook\n");

    long start = System.nanoTime();
    Delivery d = alerts.notify(event(AlertKind.RESTART_FAILED), HOUR);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(Duration.ofSeconds(3));
    assertThat(d.delivered()).isFalse();
    assertThat(d.results().get(0).detail()).startsWith("cannot reach 127.0.0.1");
  }

  @Test
  void twoRunsAtOnceSendOneAlert() throws Exception {
    Receiver hook = receiver();
    String yaml = "channels:\n  - type: webhook\n    url: " + hook.url("/") + "\n";
    AlertFiles.write(root, yaml, "rw-------");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Delivery>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(
            () ->
                new Alerts(host, AlertsFile.read(host.root()), "web-01")
                    .notify(event(AlertKind.LIMIT_REACHED), HOUR));
      }
      List<Delivery.Status> statuses = new ArrayList<>();
      for (Future<Delivery> f : pool.invokeAll(runs)) {
        statuses.add(f.get().status());
      }
      assertThat(statuses).filteredOn(s -> s == Delivery.Status.SENT).hasSize(1);
      assertThat(hook.requests()).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void withoutAlertsYamlNothingIsSent() throws Exception {
    Alerts alerts = new Alerts(host, AlertsFile.read(host.root()), "web-01");

    Delivery d = alerts.notify(event(AlertKind.RESTART_FAILED), HOUR);

    assertThat(d.status()).isEqualTo(Delivery.Status.NO_CHANNELS);
    assertThat(alerts.channels()).isEmpty();
    assertThat(root.resolve("var/lib/watchdog-menu/alerts")).doesNotExist();
  }

  @Test
  void aTestAlertGoesThroughEveryChannelEveryTime() throws Exception {
    Receiver fine = receiver();
    Receiver broken = receiver().answering(404);
    Alerts alerts =
        alerts(
            "channels:\n"
                + "  - type: slack\n    name: ops\n    url: "
                + fine.url("/")
                + "\n"
                + "  - type: webhook\n    url: "
                + broken.url("/")
                + "\n");

    List<ChannelResult> first = alerts.sendTest();
    List<ChannelResult> second = alerts.sendTest();

    assertThat(first)
        .extracting(ChannelResult::channel)
        .containsExactly("ops", "webhook 127.0.0.1");
    assertThat(first).extracting(ChannelResult::delivered).containsExactly(true, false);
    assertThat(second).extracting(ChannelResult::delivered).containsExactly(true, false);
    assertThat(first.get(1).line()).startsWith("webhook 127.0.0.1: NOT delivered (HTTP 404");
    assertThat(fine.requests()).hasSize(2);
    assertThat(JSON.readTree(fine.requests().get(0).body()).get("text").asText())
        .contains("test - Test alert from watchdog-menu");
  }
}
