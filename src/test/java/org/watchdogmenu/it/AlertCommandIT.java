package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code watchdog-menu alert} through the real jar and a real local webhook receiver. */
class AlertCommandIT {
  @TempDir Path dir;
  private Sandbox sandbox;
  private WebhookReceiver receiver;

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
    receiver = new WebhookReceiver();
  }

  @AfterEach
  void tearDown() {
    receiver.close();
  }

  @Test
  void aTestAlertReachesEveryChannel() throws Exception {
    receiver.configure(sandbox);
    Jar.Run run = Jar.run(sandbox.root, "alert", "--test");
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("delivered");
    assertThat(receiver.received())
        .singleElement()
        .satisfies(n -> assertThat(n.path("event").asText()).isEqualTo("test"));
  }

  @Test
  void aFailedUnitAlertsOnceAnHourUnderItsTarget() throws Exception {
    receiver.configure(sandbox);
    sandbox.target(
        "svc-mingus-backend",
        "id: svc-mingus-backend\nextends: systemd-service\nservice:\n  unit: mingus-backend\n");
    Jar.Run first = Jar.run(sandbox.root, "alert", "--unit-failed", "mingus-backend.service");
    assertThat(first.exit()).as(first.out() + first.err()).isZero();
    Jar.Run repeat = Jar.run(sandbox.root, "alert", "--unit-failed", "mingus-backend.service");
    assertThat(repeat.exit()).as(repeat.out() + repeat.err()).isZero();
    assertThat(repeat.out()).contains("suppressed");
    assertThat(receiver.received())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.path("event").asText()).isEqualTo("restart-failed");
              assertThat(n.path("target").asText()).isEqualTo("svc-mingus-backend");
              assertThat(n.path("message").asText()).contains("mingus-backend.service failed");
            });
  }

  @Test
  void withoutChannelsItSaysSo() throws Exception {
    Jar.Run run = Jar.run(sandbox.root, "alert", "--test");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo("No channels in /etc/watchdog-menu/alerts.yaml: add one first");
  }

  @Test
  void withoutAnAlertItSaysWhatToGive() throws Exception {
    Jar.Run run = Jar.run(sandbox.root, "alert");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "watchdog-menu alert: give --test, --unit-failed UNIT, add-channel or remove-channel"
                + " (see 'watchdog-menu alert --help')");
  }

  @Test
  void aBadUnitNameIsOneLine() throws Exception {
    Jar.Run run = Jar.run(sandbox.root, "alert", "--unit-failed", "a;b");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("'a;b' is not a unit name");
  }
}
