package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.model.TcpListenProbeSpec;
import org.watchdogmenu.os.HostRoot;

/**
 * Settings of a target and "Add a target of your own" by keys: form, checks, preview, a then y, the
 * file written, and the menu showing the targets as they are now.
 */
class TuiSettingsTest {
  private static final Look LOOK = new Look(false, true);
  private static final KeyStroke CLEAR = new KeyStroke('u', true, false);

  @TempDir Path dir;

  private VirtualMenu menu() {
    return new VirtualMenu(VirtualMenu.sandbox(dir), 80, 24, LOOK);
  }

  private Path file(String id) {
    return dir.resolve("etc/watchdog-menu/targets/" + id + ".yaml");
  }

  /**
   * Picks the item whose label starts with {@code label} by its number or letter, as a person
   * would.
   */
  private static VirtualMenu pick(VirtualMenu m, String label) {
    Matcher found = Pattern.compile("(\\d+|[a-z])\\) " + Pattern.quote(label)).matcher(m.text());
    assertThat(found.find()).as("'" + label + "' on the screen:\n" + m.text()).isTrue();
    boolean many =
        m.text().contains("number+Enter pick") && Character.isDigit(found.group(1).charAt(0));
    return m.type(found.group(1) + (many ? "\n" : ""));
  }

  /** The body's text with folded lines joined and runs of spaces made one. */
  private static String flat(VirtualMenu m) {
    StringBuilder out = new StringBuilder();
    for (String row : m.text().split("\n")) {
      out.append(' ').append(row.replaceAll("^[│|] ?", "").replaceAll(" *[│|]$", ""));
    }
    return out.toString().replaceAll(" +", " ");
  }

  /** The whole preview, page by page, joined as {@link #flat} does. */
  private static String preview(VirtualMenu m) {
    assertThat(m.loop.top()).isInstanceOf(PlanView.class);
    StringBuilder out = new StringBuilder();
    m.press(KeyType.Home);
    for (int page = 0; page < 10; page++) {
      out.append(flat(m));
      m.press(KeyType.PageDown);
    }
    return out.toString();
  }

  /** Opens the field, clears it and types the value. */
  private static VirtualMenu set(VirtualMenu m, String label, String value) {
    pick(m, label);
    return m.press(CLEAR).type(value + "\n");
  }

  private VirtualMenu waterwallClientSettings() {
    VirtualMenu m = menu().type("32");
    assertThat(m.text()).contains("(waterwall-client)");
    return pick(m, "Settings");
  }

  @Test
  void settingsShowTheTargetsValuesAndAChangedPortIsWrittenAfterAThenY() throws Exception {
    VirtualMenu m = waterwallClientSettings();
    assertThat(m.loop.top()).isInstanceOf(FormView.class);
    assertThat(m.row(0)).endsWith("Client › Settings");
    assertThat(m.text())
        .contains("Settings of WaterWall client (waterwall-client)")
        .contains("Unit", "[waterwall-direct-client]")
        .contains("WaterWall listener: port", "[8080]")
        .contains("Cooldown between restarts", "[2m]")
        .contains("Max restarts per window", "[5]");

    set(m, "WaterWall listener: port", "9090");
    assertThat(m.text()).contains("WaterWall listener: port: kept (nothing is written yet)");
    pick(m, "Save");
    assertThat(preview(m))
        .contains("create /etc/watchdog-menu/targets/waterwall-client.yaml (0644 root:root)")
        .contains("+ port: 9090")
        .contains("Same as the command:")
        .contains("target set waterwall-client probes.1.port=9090");
    assertThat(file("waterwall-client")).doesNotExist();

    m.type("ay");
    assertThat(m.loop.top()).isInstanceOf(SystemsView.class);
    assertThat(flat(m)).contains("Applied: wrote /etc/watchdog-menu/targets/waterwall-client.yaml");
    assertThat(Files.readString(file("waterwall-client"))).contains("    port: 9090\n");
    TcpListenProbeSpec listener =
        (TcpListenProbeSpec)
            Catalog.load(new HostRoot(dir)).target("waterwall-client").probes().get(1);
    assertThat(listener.port()).isEqualTo(9090);
    m.type("32");
    pick(m, "Settings");
    assertThat(m.text()).contains("WaterWall listener: port", "[9090]");
  }

  @Test
  void aBadValueIsNotKeptAndSaysWhatIsWrongInTheCatalogsWords() {
    VirtualMenu m = waterwallClientSettings();
    set(m, "WaterWall listener: port", "70000");
    assertThat(flat(m))
        .contains("Not kept: WaterWall listener: port must be between 1 and 65535, not 70000")
        .doesNotContain("probes[1]");
    m.press(KeyType.Escape);
    set(m, "Cooldown between restarts", "5x");
    assertThat(flat(m))
        .contains(
            "Cooldown between restarts must be a duration like 500ms, 5s, 2m, 1h or 1d, not '5x'");
    m.press(KeyType.Escape);
    assertThat(m.text()).contains("Cooldown between restarts", "[2m]").doesNotContain("Not kept");
    pick(m, "Save");
    assertThat(m.text()).contains("Nothing changed: pick a value and type a new one first.");
    assertThat(m.loop.top()).isInstanceOf(FormView.class);
    assertThat(file("waterwall-client")).doesNotExist();
  }

  @Test
  void noGraceAndRetryAtOnceAreKeptButNoCooldownIsNot() throws Exception {
    VirtualMenu m = waterwallClientSettings();
    set(m, "Grace after a start", "0s");
    set(m, "Delay between retries", "0s");
    assertThat(flat(m)).doesNotContain("Not kept");
    assertThat(m.text()).contains("Grace after a start", "Delay between retries", "[0s]");
    set(m, "Cooldown between restarts", "0s");
    assertThat(flat(m)).contains("Cooldown between restarts must be longer than 0, not 0s");
    m.press(KeyType.Escape);
    pick(m, "Save");
    m.type("ay");
    assertThat(Files.readString(file("waterwall-client")))
        .contains("grace: 0s")
        .contains("retry_delay: 0s");
    assertThat(Catalog.load(new HostRoot(dir)).target("waterwall-client").policy().grace())
        .isZero();
  }

  @Test
  void aFileTheCatalogRefusesIsNotPlannedAndTheWholeLineShows() {
    VirtualMenu m = waterwallClientSettings();
    set(m, "Unit", "");
    pick(m, "Save");
    assertThat(m.loop.top()).isInstanceOf(FormView.class);
    assertThat(flat(m))
        .contains("Not saved: Unit is missing: a systemd service needs its unit")
        .doesNotContain("service.unit");
    assertThat(file("waterwall-client")).doesNotExist();
  }

  @Test
  void aValueEachFieldTakesButTheWholeFileRefusesIsNamedByItsLabel() {
    VirtualMenu m = waterwallClientSettings();
    // an empty value passes the field (empty takes the key away), the whole file needs the port
    set(m, "WaterWall listener: port", "");
    assertThat(flat(m)).contains("WaterWall listener: port: kept").doesNotContain("Not kept");
    assertThat(m.text()).contains("WaterWall listener: port *", "[empty]");
    pick(m, "Save");
    assertThat(m.loop.top()).isInstanceOf(FormView.class);
    assertThat(flat(m))
        .contains(
            "Not saved: WaterWall listener: port is missing: give the port number (1 to 65535)")
        .doesNotContain("probes[1]")
        .doesNotContain(".yaml line");
    assertThat(file("waterwall-client")).doesNotExist();
    set(m, "WaterWall listener: port", "8081");
    assertThat(flat(m)).doesNotContain("Not saved");
  }

  @Test
  void aCommandsEmptyWordIsNamedByTheFieldAndItsPlace() throws Exception {
    VirtualMenu m = menu();
    pick(m, "Add a target of your own");
    pick(m, "A service with a restart command");
    set(m, "Id", "demo");
    set(m, "Restart command", "/opt/demo/restart.sh");
    set(m, "TCP port", "8080");
    pick(m, "Save");
    m.type("ay");
    pick(m, "Your own targets");
    pick(m, "Settings");
    String before = Files.readString(file("demo"));
    set(m, "Restart command", "[\"/opt/demo/restart.sh\", \"\"]");
    assertThat(flat(m)).contains("Restart command: kept").doesNotContain("Not kept");
    pick(m, "Save");
    assertThat(flat(m))
        .contains("Not saved: Restart command (word 2) must be a non-empty word on one line")
        .doesNotContain("service.restart");
    assertThat(Files.readString(file("demo"))).isEqualTo(before);
  }

  @Test
  void aSystemdServiceOfYourOwnIsAddedAndShowsUnderItsSystem() throws Exception {
    VirtualMenu m = menu();
    assertThat(m.text()).contains("6) systemd services", "[no targets yet]");
    pick(m, "Add a target of your own");
    assertThat(m.row(0)).endsWith("Systems › Add a target");
    pick(m, "A systemd service");
    assertThat(m.row(0)).endsWith("Add a target › New target");
    set(m, "Id", "svc-web");
    set(m, "Title", "Web backend");
    set(m, "Unit", "web.service");
    set(m, "Health URL", "http://127.0.0.1:8000/health");
    pick(m, "Save");
    assertThat(preview(m))
        .contains("create /etc/watchdog-menu/targets/svc-web.yaml (0644 root:root)")
        .contains("+extends: systemd-service", "+ unit: web.service", "+ - type: http")
        .contains(
            "target add svc-web extends=systemd-service 'title=Web backend'"
                + " service.unit=web.service probes.1.type=http"
                + " probes.1.url=http://127.0.0.1:8000/health");

    m.type("ay");
    assertThat(m.loop.top()).isInstanceOf(SystemsView.class);
    assertThat(Files.readString(file("svc-web"))).contains("id: svc-web\n");
    assertThat(m.text()).containsPattern("6\\) systemd services +\\[never checked, .*no schedule]");
    pick(m, "systemd services");
    assertThat(m.text()).contains("Web backend (svc-web)", "Service: systemd web.service");
  }

  @Test
  void aCommandOfYourOwnNeedsAProbeAndShowsUnderYourOwnTargets() throws Exception {
    VirtualMenu m = menu();
    pick(m, "Add a target of your own");
    pick(m, "A service with a restart command");
    set(m, "Id", "demo");
    set(m, "Restart command", "/opt/demo/restart.sh --now");
    set(m, "Runs as user", "www-data");
    set(m, "Working folder", "/opt/demo");
    pick(m, "Save");
    assertThat(m.text()).contains("Not saved: give a health URL or a TCP port");
    assertThat(m.loop.top()).isInstanceOf(FormView.class);
    set(m, "TCP port", "8080");
    pick(m, "Save");
    assertThat(preview(m)).contains("+ restart:", "+ - /opt/demo/restart.sh", "+ - --now");
    m.type("ay");
    assertThat(m.loop.top()).isInstanceOf(SystemsView.class);
    assertThat(file("demo")).exists();
    pick(m, "Your own targets");
    assertThat(m.text()).contains("demo (demo)", "Service: command");
  }

  @Test
  void aCommandTargetsSettingsTakeItsPidFileForTheGracePeriod() throws Exception {
    VirtualMenu m = menu();
    pick(m, "Add a target of your own");
    pick(m, "A service with a restart command");
    set(m, "Id", "demo");
    set(m, "Restart command", "/opt/demo/restart.sh");
    set(m, "TCP port", "8080");
    pick(m, "Save");
    m.type("ay");
    pick(m, "Your own targets");
    pick(m, "Settings");
    assertThat(m.text()).contains("Pid file");
    set(m, "Pid file", "/run/demo.pid");
    pick(m, "Save");
    assertThat(preview(m)).contains("+ pid_file: /run/demo.pid");
    m.type("ay");
    assertThat(Files.readString(file("demo"))).contains("pid_file: /run/demo.pid");
  }

  @Test
  void idsAreCheckedAsTheyAreTyped() {
    VirtualMenu m = menu();
    pick(m, "Add a target of your own");
    pick(m, "A PM2 app");
    set(m, "Id", "Web_1");
    assertThat(flat(m)).contains("Not kept: Id must be lower-case letters, digits and dashes");
    m.press(CLEAR).type("paqet-server\n");
    assertThat(flat(m)).contains("Not kept: Id: 'paqet-server' is already a target");
    m.press(KeyType.Escape);
    pick(m, "Save");
    assertThat(m.text()).contains("Not yet: Id: give the id");
    assertThat(dir.resolve("etc")).doesNotExist();
  }
}
