package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Continuous mode and alerts in the menu, by keys: a target on and off the monitor's list, the
 * monitor's state from its heartbeat file, a channel added through the form, a test alert to a real
 * local receiver and to an address that refuses.
 */
class TuiMonitorAlertsTest {
  private static final Look LOOK = new Look(false, true);

  @TempDir Path dir;
  private HttpServer receiver;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private Path alerts;

  @BeforeEach
  void setUp() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        ex -> {
          received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    receiver.start();
    alerts = dir.resolve("etc/watchdog-menu/alerts.yaml");
  }

  @AfterEach
  void tearDown() {
    receiver.stop(0);
  }

  private VirtualMenu menu() {
    return new VirtualMenu(VirtualMenu.sandbox(dir), 80, 24, LOOK);
  }

  private String hook() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  private void heartbeat(Instant at) throws IOException {
    Path beat = dir.resolve("var/lib/watchdog-menu/monitor.heartbeat");
    Files.createDirectories(beat.getParent());
    Files.writeString(beat, "pid=" + ProcessHandle.current().pid() + "\ntime=" + at + "\n");
  }

  private void channel(String url) throws IOException {
    Files.createDirectories(alerts.getParent());
    Files.writeString(
        alerts, "channels:\n  - type: webhook\n    name: pager\n    url: " + url + "\n");
    Files.setPosixFilePermissions(alerts, PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void aTargetGoesOnTheMonitorsListAndOffAgain() throws IOException {
    Path list = dir.resolve("etc/watchdog-menu/monitor.yaml");
    VirtualMenu m = menu().type("11");
    assertThat(m.text()).contains("3) Continuous monitor", "[Off]");
    assertThat(m.colorOf("[Off]")).isEqualTo(TextColor.ANSI.BLACK_BRIGHT);
    m.type("3");
    assertThat(m.row(0)).endsWith("Continuous monitor");
    assertThat(m.text())
        .contains("WARNING: the monitor is not running and its service is not installed")
        .contains("watchdog-menu units --monitor")
        .contains("+targets: [paqet-server]");
    assertThat(list).doesNotExist();

    m.type("ay");
    assertThat(Files.readString(list)).contains("targets: [paqet-server]");
    assertThat(m.loop.top()).isInstanceOf(TargetView.class);
    assertThat(m.text())
        .contains("Applied: ", "3) Continuous monitor", "[On (monitor not running)]")
        .doesNotContain("every 30s");
    assertThat(m.colorOf("[On (monitor not running)]")).isEqualTo(TextColor.ANSI.YELLOW);

    heartbeat(VirtualMenu.START);
    m.press(KeyType.Escape).type("1");
    assertThat(m.text()).contains("3) Continuous monitor", "[On, every 30s]");
    assertThat(m.colorOf("[On, every 30s]")).isEqualTo(TextColor.ANSI.CYAN);

    heartbeat(VirtualMenu.START.minusSeconds(300));
    m.press(KeyType.Escape).type("1");
    assertThat(m.text()).contains("[On (monitor not running)]");
    assertThat(m.colorOf("[On (monitor not running)]")).isEqualTo(TextColor.ANSI.YELLOW);

    m.type("3");
    assertThat(m.text())
        .contains("-targets: [paqet-server]")
        .doesNotContain("WARNING: the monitor");
    m.type("ay");
    assertThat(Files.readString(list)).contains("targets: []");
    assertThat(m.text()).contains("[Off]");
  }

  @Test
  void theMonitorScreenSaysRunningFromAFreshHeartbeatAndNotRunningFromAStaleOne()
      throws IOException {
    Path list = dir.resolve("etc/watchdog-menu/monitor.yaml");
    Files.createDirectories(list.getParent());
    Files.writeString(list, "targets: [paqet-server, camera-platform]\n");
    heartbeat(VirtualMenu.START);
    VirtualMenu m = menu();
    assertThat(m.text()).contains("m) Continuous monitor and alerts", "[running, 2 targets]");
    assertThat(m.colorOf("[running, 2 targets]")).isEqualTo(TextColor.ANSI.CYAN);
    m.type("m");
    assertThat(m.row(0)).endsWith("Monitor and alerts");
    assertThat(m.text())
        .contains("Monitor: running (pid " + ProcessHandle.current().pid() + ", last beat ")
        .contains("Service: watchdog-menu-monitor.service not installed")
        .contains("Monitored: camera-platform every 30s, paqet-server every 30s")
        .contains("1) Install or update the monitor service", "[not installed]");

    Instant stale = VirtualMenu.START.minusSeconds(300);
    heartbeat(stale);
    m.press(KeyType.Escape);
    assertThat(m.text()).contains("[not running, 2 targets]");
    assertThat(m.colorOf("[not running, 2 targets]")).isEqualTo(TextColor.ANSI.YELLOW);
    m.type("m");
    assertThat(m.text()).contains("Monitor: not running (last beat " + stale + " by pid ");
    m.type("1");
    assertThat(m.row(0)).endsWith("Monitor service");
    assertThat(m.text()).contains("Plan: watchdog-menu --root " + dir + " units --monitor");
  }

  @Test
  void aWebhookAddedThroughTheFormIsWrittenMode0600AndNeverShownInClear() throws IOException {
    String url = hook() + "?token=t0ken";
    VirtualMenu m = menu().type("m3");
    assertThat(m.text()).contains("1) Slack-compatible webhook", "3) Command");
    m.type("2");
    assertThat(m.row(0)).endsWith("JSON webhook");
    m.type("4");
    assertThat(m.text()).contains("Not yet: Name: give the channel a name");
    m.type("1pager\n2ftp://x\n");
    assertThat(m.text()).contains("Not kept: URL: not a web address: start it with https://");
    m.press(KeyType.Escape).type("2" + url + "\n");
    assertThat(m.text())
        .contains("1) Name", "[pager]", "2) URL", "[http://127.0.0.1:")
        .contains("/****]")
        .doesNotContain("t0ken");

    m.type("4");
    assertThat(m.row(0)).endsWith("Add channel");
    StringBuilder seen = new StringBuilder(m.text());
    for (int i = 0; i < 6; i++) {
      seen.append(m.press(KeyType.PageDown).text());
    }
    assertThat(seen)
        .contains("create  /etc/watchdog-menu/alerts.yaml  (0600 root:root)")
        .contains("+    url: http://127.0.0.1:")
        .contains("pager --webhook 'http://127.0.0.1:")
        .doesNotContain("t0ken");
    assertThat(alerts).doesNotExist();

    m.type("ay");
    assertThat(m.loop.top()).isInstanceOf(MonitorView.class);
    assertThat(m.text())
        .contains("Applied:")
        .containsPattern("wrote +/etc/watchdog-menu/alerts.yaml");
    assertThat(m.text()).contains("Alert channels: 1 in /etc/watchdog-menu/alerts.yaml");
    assertThat(Files.readString(alerts)).contains("name: pager", "url: " + url);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(alerts)))
        .isEqualTo("rw-------");

    m.type("2");
    assertThat(m.text()).contains("pager: JSON webhook http://127.0.0.1:").doesNotContain("t0ken");
    m.press(KeyType.Enter).type("33");
    m.type("1pager\n");
    assertThat(m.text()).contains("Not kept: Name: a channel named 'pager' exists already");
  }

  @Test
  void aCommandsSecretsAreTypedAsItsEnvironmentAndListedMasked() throws IOException {
    VirtualMenu m = menu().type("m33");
    assertThat(m.text())
        .contains("1) Name", "2) Command", "3) Environment (secrets)", "4) Timeout");
    m.type("1notify\n2/usr/local/bin/notify --token s3cr3t\n");
    assertThat(m.text())
        .contains("Not kept: Command gives a secret in its arguments (--token ****)");
    m.press(KeyType.Escape);
    assertThat(m.text()).as("the refused line is dropped").doesNotContain("s3cr3t");
    m.type("2/usr/local/bin/notify {message}\n3TOKEN=s3cr3t\n");
    assertThat(m.text()).contains("[TOKEN=****]").doesNotContain("s3cr3t");
    m.type("5");
    StringBuilder seen = new StringBuilder(m.text());
    for (int i = 0; i < 6; i++) {
      seen.append(m.press(KeyType.PageDown).text());
    }
    assertThat(seen)
        .contains("notify --command", "--env TOKEN", "+      TOKEN: ****")
        .doesNotContain("s3cr3t");
    m.type("ay");
    assertThat(Files.readString(alerts)).contains("TOKEN: s3cr3t");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(alerts)))
        .isEqualTo("rw-------");
  }

  @Test
  void aTestAlertReachesTheReceiverAndTheScreenSaysSo() throws IOException {
    channel(hook());
    VirtualMenu m = menu().type("m4");
    assertThat(m.row(0)).endsWith("Test alert");
    assertThat(m.text()).contains("pager: delivered (HTTP 204");
    assertThat(received).singleElement().asString().contains("\"event\":\"test\"");
  }

  @Test
  void anAddressThatRefusesIsAFailureLineWithoutAWait() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    channel("http://127.0.0.1:" + closed + "/hook");
    long start = System.nanoTime();
    VirtualMenu m = menu().type("m4");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4000);
    assertThat(m.text()).contains("pager: NOT delivered (cannot reach 127.0.0.1");
    assertThat(m.colorOf("pager: NOT delivered")).isEqualTo(TextColor.ANSI.RED);
  }

  @Test
  void withoutChannelsTheTestSaysToAddOne() {
    VirtualMenu m = menu().type("m4");
    assertThat(m.text()).contains("No channels in /etc/watchdog-menu/alerts.yaml: add one first");
    m.press(KeyType.Enter).type("2");
    assertThat(m.text()).contains("No channels yet in /etc/watchdog-menu/alerts.yaml");
  }
}
