package org.watchdogmenu.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

class AlertmanagerChannelTest {
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

  private AlertEvent event(AlertKind kind, String message) {
    return new AlertEvent(
        kind,
        "paqet-server",
        clock.instant(),
        message,
        Map.of(),
        Optional.of(new AlertEvent.Origin("paqet", Optional.of("server"))));
  }

  private static Map<String, String> labels(JsonNode alert) {
    Map<String, String> labels = new TreeMap<>();
    alert
        .path("labels")
        .fields()
        .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }

  @Test
  void aFailureFiresWithTheToolsLabelsUntilItExpires() throws Exception {
    Receiver am = receiver();
    Alerts alerts =
        alerts(
            "channels:\n  - type: alertmanager\n    url: "
                + am.url("/am/")
                + "\n    labels: {team: ops, env: prod}\n");

    Delivery d = alerts.notify(event(AlertKind.RESTART_FAILED, "restart failed: exit 1"), HOUR);

    assertThat(d.delivered()).as(d.logLines().toString()).isTrue();
    Receiver.Request r = am.requests().get(0);
    assertThat(r.path()).isEqualTo("/am/api/v2/alerts");
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.size()).isEqualTo(1);
    JsonNode alert = body.get(0);
    assertThat(labels(alert))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "alertname", "WatchdogRestartFailed",
                "host", "web-01",
                "target", "paqet-server",
                "system", "paqet",
                "role", "server",
                "event", "restart-failed",
                "severity", "critical",
                "team", "ops",
                "env", "prod"));
    assertThat(alert.path("annotations").path("summary").asText())
        .isEqualTo("paqet-server on web-01: restart-failed");
    assertThat(alert.path("annotations").path("description").asText())
        .isEqualTo("restart failed: exit 1");
    assertThat(alert.path("startsAt").asText()).isEqualTo("2025-02-14T10:30:00Z");
    assertThat(alert.path("endsAt").asText()).isEqualTo("2025-02-15T10:30:00Z");
  }

  @Test
  void aRecoveryEndsEveryFailureAlertOfTheTargetWithTheSameLabels() throws Exception {
    Receiver am = receiver();
    Alerts alerts = alerts("channels:\n  - type: alertmanager\n    url: " + am.url("") + "\n");
    alerts.notify(event(AlertKind.LIMIT_REACHED, "limit reached"), HOUR);
    clock.advance(Duration.ofMinutes(3));

    Delivery d = alerts.notify(event(AlertKind.RECOVERED, "paqet-server is healthy again"), HOUR);

    assertThat(d.status()).isEqualTo(Delivery.Status.SENT);
    JsonNode fired = JSON.readTree(am.requests().get(0).body()).get(0);
    JsonNode resolves = JSON.readTree(am.requests().get(1).body());
    assertThat(resolves.size()).isEqualTo(3);
    List<String> events = new ArrayList<>();
    for (JsonNode a : resolves) {
      events.add(a.path("labels").path("event").asText());
      assertThat(a.path("endsAt").asText()).isEqualTo("2025-02-14T10:33:00Z");
      assertThat(a.path("startsAt").asText()).isEqualTo("2025-02-14T10:33:00Z");
      assertThat(a.path("annotations").path("description").asText())
          .isEqualTo("paqet-server is healthy again");
    }
    assertThat(events).containsExactly("restart-failed", "limit-reached", "check-unknown");
    assertThat(labels(resolves.get(1))).isEqualTo(labels(fired));
  }

  @Test
  void aNoticeFiresForFiveMinutesAtInfo() throws Exception {
    Receiver am = receiver();
    Alerts alerts = alerts("channels:\n  - type: alertmanager\n    url: " + am.url("") + "\n");
    alerts.notify(event(AlertKind.RESTART_DONE, "restarted, healthy"), HOUR);
    JsonNode body = JSON.readTree(am.requests().get(0).body());
    JsonNode alert = body.get(0);
    assertThat(alert.path("labels").path("severity").asText()).isEqualTo("info");
    assertThat(alert.path("labels").path("alertname").asText()).isEqualTo("WatchdogRestartDone");
    assertThat(alert.path("endsAt").asText()).isEqualTo("2025-02-14T10:35:00Z");
    assertThat(body.size()).as("the target is back: its failure alerts end").isEqualTo(4);
    assertThat(body.get(1).path("labels").path("event").asText()).isEqualTo("restart-failed");
    assertThat(body.get(1).path("endsAt").asText()).isEqualTo("2025-02-14T10:30:00Z");
  }

  @Test
  void aChannelThatMissedTheRecoveryGetsItAtTheNextHealthyCheckAndNoOneElseDoes() throws Exception {
    Receiver am = receiver();
    Receiver hook = receiver();
    Alerts alerts =
        alerts(
            "channels:\n  - type: alertmanager\n    url: "
                + am.url("")
                + "\n  - type: webhook\n    url: "
                + hook.url("/hook")
                + "\n");
    alerts.notify(event(AlertKind.RESTART_FAILED, "down"), HOUR);
    am.answering(503);
    clock.advance(Duration.ofMinutes(1));
    Delivery first = alerts.notify(event(AlertKind.RECOVERED, "healthy again"), HOUR);
    assertThat(first.delivered()).isTrue();
    assertThat(hook.requests()).hasSize(2);

    am.answering(200);
    clock.advance(Duration.ofMinutes(1));
    Delivery owed = alerts.notify(event(AlertKind.RECOVERED, "healthy again"), HOUR);

    assertThat(owed.status()).isEqualTo(Delivery.Status.SENT);
    assertThat(owed.reason()).contains("the last recovery did not reach alertmanager 127.0.0.1");
    assertThat(owed.results())
        .extracting(ChannelResult::channel)
        .containsExactly("alertmanager 127.0.0.1");
    assertThat(am.requests()).hasSize(3);
    assertThat(hook.requests()).hasSize(2);

    clock.advance(Duration.ofMinutes(1));
    Delivery after = alerts.notify(event(AlertKind.RECOVERED, "healthy again"), HOUR);
    assertThat(after.status()).isEqualTo(Delivery.Status.SUPPRESSED);
    assertThat(am.requests()).hasSize(3);
  }

  @Test
  void aRecoveryInsideTheStormWindowIsSentWhileARepeatedFailureIsNot() throws Exception {
    Receiver am = receiver();
    Alerts alerts = alerts("channels:\n  - type: alertmanager\n    url: " + am.url("") + "\n");
    alerts.notify(event(AlertKind.RESTART_FAILED, "down"), HOUR);
    clock.advance(Duration.ofMinutes(1));
    assertThat(alerts.notify(event(AlertKind.RESTART_FAILED, "down"), HOUR).status())
        .isEqualTo(Delivery.Status.SUPPRESSED);
    clock.advance(Duration.ofMinutes(1));
    assertThat(alerts.notify(event(AlertKind.RECOVERED, "up"), HOUR).status())
        .isEqualTo(Delivery.Status.SENT);
    assertThat(am.requests()).hasSize(2);
  }

  @Test
  void aBearerTokenFileIsReadAtEachSendAndMustBeRootOnly() throws Exception {
    Receiver am = receiver();
    Path token = root.resolve("etc/watchdog-menu/am.token");
    Files.createDirectories(token.getParent());
    Files.writeString(token, "t0ken-1\n");
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
    Alerts alerts =
        alerts(
            "channels:\n  - type: alertmanager\n    url: "
                + am.url("")
                + "\n    bearer_token_file: /etc/watchdog-menu/am.token\n");

    List<ChannelResult> sent = alerts.sendTest();
    assertThat(sent.get(0).delivered()).isTrue();
    assertThat(am.requests().get(0).headers().get("Authorization"))
        .containsExactly("Bearer t0ken-1");

    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
    ChannelResult refused = alerts.sendTest().get(0);
    assertThat(refused.delivered()).isFalse();
    assertThat(refused.detail())
        .isEqualTo(
            "credentials file /etc/watchdog-menu/am.token is readable by group or others: run"
                + " chmod 600 /etc/watchdog-menu/am.token");

    Files.delete(token);
    assertThat(alerts.sendTest().get(0).detail())
        .startsWith("credentials file /etc/watchdog-menu/am.token does not exist");
    assertThat(am.requests()).hasSize(1);
  }

  @Test
  void basicAuthIsSentAndNeverShown() throws Exception {
    Receiver am = receiver();
    String yaml =
        "channels:\n  - type: alertmanager\n    name: am\n    url: "
            + am.url("")
            + "\n    basic_auth:\n      username: wd\n      password: pa55word\n";
    Alerts alerts = alerts(yaml);
    alerts.sendTest();
    String expected =
        "Basic "
            + Base64.getEncoder().encodeToString("wd:pa55word".getBytes(StandardCharsets.UTF_8));
    assertThat(am.requests().get(0).headers().get("Authorization")).containsExactly(expected);
    assertThat(alerts.describe())
        .containsExactly(
            "am: Alertmanager http://127.0.0.1:"
                + am.url("").replaceAll(".*:", "")
                + ", basic auth wd with password ****, timeout 5s");
    assertThat(AlertSecrets.file(yaml)).doesNotContain("pa55word");
    String inline =
        "channels:\n  - type: alertmanager\n    url: http://am:9093\n    bearer_token: s3cret\n"
            + "    basic_auth: {username: wd, password: pa55word}\n";
    assertThat(AlertSecrets.file(inline)).doesNotContain("s3cret").doesNotContain("pa55word");
  }

  @Test
  void aFileWithAnInlineSecretMustBe0600() {
    assertThatThrownBy(
            () ->
                AlertsFile.read(
                    new HostRoot(
                        AlertFiles.write(
                                root,
                                "channels:\n  - type: alertmanager\n    url: http://am:9093\n"
                                    + "    bearer_token: s3cret\n",
                                "rw-r--r--")
                            .getParent()
                            .getParent()
                            .getParent())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("holds secrets")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void theLoaderRefusesBadSettingsInOneLine() throws Exception {
    String head = "channels:\n  - type: alertmanager\n    url: http://am:9093\n";
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    cases.put(
        head + "    labels: {severity: low}\n", "sets severity, which watchdog-menu sets itself");
    cases.put(head + "    labels: {9x: a}\n", "names a label '9x' that Alertmanager refuses");
    cases.put(
        head + "    bearer_token: a\n    bearer_token_file: /etc/t\n",
        "give 'bearer_token' or 'bearer_token_file', not both");
    cases.put(
        head + "    bearer_token: a\n    basic_auth: {username: u, password: p}\n",
        "give a bearer token or 'basic_auth', not both");
    cases.put(head + "    bearer_token_file: token\n", "must be an absolute path");
    cases.put(head + "    basic_auth: {username: u}\n", "needs 'password' or 'password_file'");
    cases.put(head + "    expire: 0s\n", "must be longer than 0");
    cases.put(
        "channels:\n  - type: alertmanager\n    url: http://am:9093/?x=1\n",
        "the alertmanager address takes no ?query");
    cases.put("channels:\n  - type: alertmanager\n", "an alertmanager channel needs 'url'");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      AlertFiles.write(root, c.getKey(), "rw-------");
      assertThatThrownBy(() -> AlertsFile.read(new HostRoot(root)))
          .as(c.getKey())
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(c.getValue())
          .satisfies(
              e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception"));
    }
  }

  @Test
  void anAddedChannelAndEveryHandWrittenSettingComeBackAsWritten() throws Exception {
    AlertFiles.write(
        root,
        "channels:\n  - type: alertmanager\n    url: http://am.example:9093/alertmanager\n"
            + "    labels: {team: ops}\n    basic_auth: {username: wd, password_file: /etc/wd.pass}\n"
            + "    expire: 6h\n    timeout: 10s\n",
        "rw-------");
    AlertsConfig before = AlertsFile.read(new HostRoot(root));
    NewChannel added =
        new NewChannel(NewChannel.Kind.ALERTMANAGER, "local", "http://127.0.0.1:9093", null);
    assertThat(added.commandLine())
        .isEqualTo("alert add-channel local --alertmanager http://127.0.0.1:9093");

    String text = AlertsEdit.withChannel(new HostRoot(root), added);
    AlertFiles.write(root, text, "rw-------");
    AlertsConfig after = AlertsFile.read(new HostRoot(root));

    assertThat(after.channels()).hasSize(2);
    assertThat(after.channels().get(0)).isEqualTo(before.channels().get(0));
    assertThat(after.channels().get(1))
        .isEqualTo(
            new ChannelSpec.Alertmanager("local", null, WebUrl.parse("http://127.0.0.1:9093")));
    assertThat(AlertsEdit.channels(new HostRoot(root)).get(0).words())
        .isEqualTo(
            "Alertmanager http://am.example:9093/**** with labels [team], basic auth wd with"
                + " password from /etc/wd.pass, timeout 10s");
  }
}
