package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.alert.Alerts;
import org.watchdogmenu.alert.AlertsEdit;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.model.TcpListenProbeSpec;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.CommandRunner;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;

/**
 * What the menu says is installed is what was written, in this session and the next, and every
 * change can be taken back from the menu: undo, a drop-in removed, linger off, an alert channel
 * removed; a probe's name follows its port. systemctl and loginctl are scripted (exact argv only);
 * the applies that need visudo, systemd-analyze or logrotate are in {@link TuiRecoveryIT}.
 */
class TuiRecoveryTest {
  private static final Look LOOK = new Look(false, true);
  private static final KeyStroke CLEAR = new KeyStroke('u', true, false);

  @TempDir Path dir;
  private final ScriptedCommandRunner scripted = new ScriptedCommandRunner();
  private Host host;

  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(dir.resolve("etc"));
    Files.writeString(
        dir.resolve("etc/passwd"), "satinder:x:1000:1000::/home/satinder:/bin/bash\n");
    // whether a service runs is asked off the screen's thread, at any moment: answered here, so
    // it never takes the place of a scripted command
    CommandRunner runner =
        (Command c) ->
            c.program().equals("systemctl") && c.argv().contains("show")
                ? CommandResult.exited(1, "", "not part of these tests", Duration.ofMillis(1))
                : scripted.run(c);
    MutableClock clock = new MutableClock(VirtualMenu.START);
    host = new Host(new HostRoot(dir), runner, clock, clock, "root");
  }

  @AfterEach
  void allScriptedCommandsRan() {
    scripted.verifyAllUsed();
  }

  /** A new session on the same root, as a person starting the menu again would get. */
  private VirtualMenu menu() {
    return new VirtualMenu(host, 120, 40, LOOK);
  }

  private void systemdRuns() throws IOException {
    Files.createDirectories(dir.resolve("run/systemd/system"));
  }

  /** Picks the item whose label starts with {@code label} by its number, as a person would. */
  private static VirtualMenu pick(VirtualMenu m, String label) {
    Matcher found = Pattern.compile("(\\d+)\\) " + Pattern.quote(label)).matcher(m.text());
    assertThat(found.find()).as("'" + label + "' on the screen:\n" + m.text()).isTrue();
    boolean many = m.text().contains("number+Enter pick");
    return m.type(found.group(1) + (many ? "\n" : ""));
  }

  /** The whole preview, page by page, with the box's borders taken off. */
  private static String preview(VirtualMenu m) {
    assertThat(m.loop.top()).isInstanceOf(PlanView.class);
    StringBuilder out = new StringBuilder();
    m.press(KeyType.Home);
    for (int page = 0; page < 6; page++) {
      for (String row : m.text().split("\n")) {
        out.append(row.replaceAll("^[│|] ?", "").replaceAll(" *[│|]$", "")).append('\n');
      }
      m.press(KeyType.PageDown);
    }
    m.press(KeyType.Home);
    return out.toString();
  }

  private Path dropIn() {
    return dir.resolve("etc/systemd/system/paqet-server.service.d/watchdog-menu.conf");
  }

  @Test
  void lingerThatIsOnPreviewsTurningItOff() throws IOException {
    systemdRuns();
    Path linger = dir.resolve("var/lib/systemd/linger/satinder");
    Files.createDirectories(linger.getParent());
    Files.createFile(linger);
    VirtualMenu m = menu().type("49");
    assertThat(m.text()).contains("2) Linger for satinder", "[On]");
    m.type("2");
    assertThat(preview(m))
        .contains("loginctl disable-linger satinder")
        .contains("linger satinder --off");
    assertThat(linger).exists();
    scripted
        .expect("loginctl", "disable-linger", "satinder")
        .andThen(
            c -> {
              try {
                Files.delete(linger);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    m.type("ay");
    assertThat(m.row(0)).endsWith("Access and boot");
    assertThat(m.text()).contains("2) Linger for satinder", "[Off]");
    m.type("2");
    assertThat(preview(m)).contains("loginctl enable-linger satinder");
  }

  @Test
  void anAlertChannelIsRemovedAndTheOthersAreKeptWithoutShowingASecret() throws Exception {
    Path alerts = dir.resolve("etc/watchdog-menu/alerts.yaml");
    Files.createDirectories(alerts.getParent());
    Files.writeString(
        alerts,
        "remind_every: 1h\n"
            + "channels:\n"
            + "  - type: webhook\n"
            + "    name: pager\n"
            + "    url: https://alerts.example.com/hook?key=k3y\n"
            + "  - type: slack\n"
            + "    name: ops\n"
            + "    url: https://hooks.slack.com/services/T0/B0/t0ken\n");
    Files.setPosixFilePermissions(alerts, PosixFilePermissions.fromString("rw-------"));
    VirtualMenu m = menu().type("m");
    pick(m, "Remove a channel");
    assertThat(m.row(0)).endsWith("Remove a channel");
    assertThat(m.text())
        .contains("1) pager: ", "2) ops: ")
        .doesNotContain("k3y")
        .doesNotContain("t0ken");
    m.type("1");
    String plan = preview(m);
    assertThat(plan)
        .contains("alert remove-channel pager")
        .contains("-    name: pager")
        .doesNotContain("k3y")
        .doesNotContain("t0ken");
    m.type("ay");
    assertThat(m.row(0)).endsWith("Monitor and alerts");
    assertThat(m.text()).contains("Alert channels: 1 in /etc/watchdog-menu/alerts.yaml");
    assertThat(AlertsEdit.channels(new HostRoot(dir)))
        .extracting(AlertsEdit.Listed::name)
        .containsExactly("ops");
    assertThat(Alerts.load(host).describe()).singleElement().asString().startsWith("ops: ");
    assertThat(Files.readString(alerts)).contains("remind_every: 1h").doesNotContain("k3y");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(alerts)))
        .isEqualTo("rw-------");

    pick(m, "Remove a channel").type("1").type("ay");
    assertThat(AlertsEdit.channels(new HostRoot(dir))).isEmpty();
    assertThat(m.text()).contains("Remove a channel", "[not available]");
  }

  @Test
  void aProbesNameFollowsItsPortWhenSettingsChangeIt() throws IOException {
    VirtualMenu m = menu().type("4");
    pick(m, "Settings");
    assertThat(m.text()).contains("CoTURN port 3478: port", "[3478]");
    pick(m, "CoTURN port 3478: port");
    m.press(CLEAR).type("3479\n");
    pick(m, "Save");
    String plan = preview(m);
    assertThat(plan).contains("name: CoTURN port 3479").contains("probes.2.port=3479");
    m.type("ay");
    TcpListenProbeSpec coturn =
        (TcpListenProbeSpec)
            Catalog.load(new HostRoot(dir)).target("camera-platform").probes().get(2);
    assertThat(coturn.port()).isEqualTo(3479);
    assertThat(coturn.name()).isEqualTo("CoTURN port 3479");

    VirtualMenu again = menu().type("4");
    pick(again, "Settings");
    assertThat(again.text())
        .contains("CoTURN port 3479: port", "[3479]")
        .doesNotContain("3478: port")
        .contains("CoTURN port 5349: port", "[5349]");
  }

  @Test
  void anInstalledUserServiceReadsInstalledAndPreviewsItsRemovalDisabledFirst() throws IOException {
    systemdRuns();
    Path unit = dir.resolve("home/satinder/.config/systemd/user/camera-platform.service");
    Files.createDirectories(unit.getParent());
    Files.writeString(unit, "[Unit]\n");
    Path manifest = dir.resolve("var/lib/watchdog-menu/manifest.json");
    Files.createDirectories(manifest.getParent());
    // as the applier recorded it (the file is the user's, written with the user's rights)
    Files.writeString(
        manifest,
        "{\"version\":1,\"applies\":[{\"id\":\"20250101T000000Z\",\"at\":\"2025-01-01T00:00:00Z\","
            + "\"title\":\"watchdog-menu units --user-service camera-platform\",\"changes\":[{"
            + "\"path\":\"/home/satinder/.config/systemd/user/camera-platform.service\","
            + "\"action\":\"write\",\"kind\":\"USER_UNIT\","
            + "\"feature\":\"user-unit/satinder/camera-platform.service\","
            + "\"sha256\":\"x\",\"mode\":\"0644\",\"owner\":\"satinder\",\"group\":\"satinder\"}],"
            + "\"commands\":[]}]}");
    VirtualMenu m = menu().type("49");
    assertThat(m.text())
        .contains("3) User service: start camera-platform at boot as satinder", "[Installed]")
        .contains("4) Remove the user service camera-platform of satinder");
    m.type("4");
    String plan = preview(m);
    assertThat(plan)
        .contains("remove  /home/satinder/.config/systemd/user/camera-platform.service")
        .contains("systemctl --user --machine=satinder@ disable camera-platform.service")
        .contains("systemctl --user --machine=satinder@ daemon-reload")
        .contains("units --remove-user-service camera-platform");
    assertThat(plan)
        .contains(
            "Commands, before the files:\n"
                + "  systemctl --user --machine=satinder@ disable camera-platform.service")
        .contains(
            "Commands, after the files:\n  systemctl --user --machine=satinder@ daemon-reload");
    m.press(KeyType.Enter);
    assertThat(unit).exists();
  }
}
