package org.watchdogmenu.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

class AlertsHangingWebhookIT {
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
  void aHangingWebhookDoesNotStallTheCallerAndTheOtherChannelStillGetsIt() throws Exception {
    Receiver hanging = receiver().hanging();
    Receiver fine = receiver();
    Alerts alerts =
        alerts(
            "channels:\n"
                + "  - type: webhook\n    timeout: 1s\n    url: "
                + hanging.url("/")
                + "\n"
                + "  - type: slack\n    timeout: 1s\n    url: "
                + fine.url("/")
                + "\n");

    long start = System.nanoTime();
    Delivery d = alerts.notify(event(AlertKind.RESTART_FAILED), HOUR);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(Duration.ofMillis(2500));
    assertThat(d.results()).hasSize(2);
    assertThat(d.results().get(0).delivered()).isFalse();
    assertThat(d.results().get(0).detail()).isEqualTo("no answer within 1000ms");
    assertThat(d.results().get(1).delivered()).isTrue();
    assertThat(hanging.requests()).hasSize(1);
    assertThat(fine.requests()).hasSize(1);
  }
}
