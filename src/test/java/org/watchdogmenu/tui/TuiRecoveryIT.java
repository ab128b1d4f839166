package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.CommandRunner;
import org.watchdogmenu.os.ExecCommandRunner;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;

/**
 * With the machine's own validators: what the menu says is installed is what was written, in this
 * session and the next, and every change can be taken back from the menu: undo, a drop-in removed,
 * linger off, an alert channel removed; a probe's name follows its port. systemctl and loginctl are
 * scripted (exact argv only); visudo, systemd-analyze and logrotate are the real ones.
 */
class TuiRecoveryIT {
  private static final Look LOOK = new Look(false, true);
  private static final KeyStroke CLEAR = new KeyStroke('u', true, false);
  private static final Set<String> REAL = Set.of("visudo", "systemd-analyze", "logrotate");

  @TempDir Path dir;
  private final ScriptedCommandRunner scripted = new ScriptedCommandRunner();
  private Host host;

  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(dir.resolve("etc"));
    Files.writeString(
        dir.resolve("etc/passwd"), "satinder:x:1000:1000::/home/satinder:/bin/bash\n");
    CommandRunner real = new ExecCommandRunner();
    // whether a service runs is asked off the screen's thread, at any moment: answered here, so
    // it never takes the place of a scripted command
    CommandRunner runner =
        (Command c) ->
            REAL.contains(c.program())
                ? real.run(c)
                : c.program().equals("systemctl") && c.argv().contains("show")
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
  void theDropInReadsInstalledAfterItsApplyAndInANewSessionAndCanBeRemoved() throws IOException {
    systemdRuns();
    VirtualMenu m = menu().type("119");
    assertThat(m.row(0)).endsWith("Access and boot");
    assertThat(m.text())
        .contains("3) Restart policy drop-in for paqet-server", "[Not installed]")
        .doesNotContain("Remove the restart policy drop-in");
    m.type("3");
    assertThat(preview(m)).contains("units --restart-policy paqet-server.service");
    scripted.expect("systemctl", "daemon-reload");
    m.type("ay");
    assertThat(dropIn()).exists();
    assertThat(m.row(0)).endsWith("Access and boot");
    assertThat(m.text())
        .contains("3) Restart policy drop-in for paqet-server", "[Installed]")
        .doesNotContain("[Not installed]")
        .contains("4) Remove the restart policy drop-in for paqet-server");
    m.type("3");
    assertThat(preview(m)).contains("Nothing to change");
    m.press(KeyType.Escape);

    VirtualMenu again = menu().type("119");
    assertThat(again.text())
        .contains("3) Restart policy drop-in for paqet-server", "[Installed]")
        .doesNotContain("[Not installed]");

    again.type("4");
    String plan = preview(again);
    assertThat(plan)
        .contains("remove  /etc/systemd/system/paqet-server.service.d/watchdog-menu.conf")
        .contains("remove  /etc/systemd/system/watchdog-menu-alert@.service")
        .contains("systemctl daemon-reload")
        .contains("units --remove-restart-policy paqet-server.service");
    assertThat(dropIn()).exists();
    scripted.expect("systemctl", "daemon-reload");
    again.type("ay");
    assertThat(dropIn()).doesNotExist();
    assertThat(dir.resolve("etc/systemd/system/watchdog-menu-alert@.service")).doesNotExist();
    assertThat(again.text())
        .contains("3) Restart policy drop-in for paqet-server", "[Not installed]")
        .doesNotContain("Remove the restart policy drop-in");
  }

  @Test
  void undoFromTheFirstScreenPutsBackTheFilesPreviousContent() throws IOException {
    Path cron = dir.resolve("etc/cron.d/paqet-health-paqet-server");
    VirtualMenu first = menu();
    assertThat(first.text()).contains("u) Undo the last change", "[not available]");
    first.type("u");
    assertThat(first.text()).contains("nothing to undo: watchdog-menu has no change on record");
    assertThat(first.loop.top()).isInstanceOf(SystemsView.class);

    menu().type("1112ay");
    String every5 = Files.readString(cron);
    menu().type("1113ay");
    String every10 = Files.readString(cron);
    assertThat(every10).isNotEqualTo(every5);

    VirtualMenu m = menu();
    assertThat(m.text())
        .contains("u) Undo the last change")
        .contains("enable paqet-server --health");
    m.type("u");
    assertThat(m.row(0)).endsWith("Undo");
    String plan = preview(m);
    assertThat(plan).contains("undoes:", "/etc/cron.d/paqet-health-paqet-server");
    assertThat(Files.readString(cron)).isEqualTo(every10);
    m.type("ay");
    assertThat(m.loop.top()).isInstanceOf(SystemsView.class);
    assertThat(Files.readString(cron)).isEqualTo(every5);

    m.type("u").type("ay");
    assertThat(cron).doesNotExist();
    assertThat(m.text()).contains("u) Undo the last change", "[not available]");
  }
}
