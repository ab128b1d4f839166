package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;

/** Key scripts: navigation, the shared keys, and that nothing is written without a's and y's. */
class TuiKeysTest {
  private static final Look LOOK = new Look(false, true);

  @TempDir Path dir;
  private Path cron;

  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(dir.resolve("etc/cron.d"));
    cron = dir.resolve("etc/cron.d/paqet-health-paqet-server");
  }

  private VirtualMenu menu() {
    return new VirtualMenu(VirtualMenu.sandbox(dir), 80, 24, LOOK);
  }

  @Test
  void digitsOpenAndEscGoesBackOneLevel() {
    VirtualMenu m = menu().type("11");
    assertThat(m.loop.top()).isInstanceOf(TargetView.class);
    m.press(KeyType.Escape);
    assertThat(m.loop.top()).isInstanceOf(RolesView.class);
    m.press(KeyType.Escape);
    assertThat(m.loop.top()).isInstanceOf(SystemsView.class);
    m.press(KeyType.Escape);
    assertThat(m.loop.top()).isInstanceOf(SystemsView.class);
    assertThat(m.text()).contains("This is the first screen: q quits.");
    assertThat(m.loop.done()).isFalse();
  }

  @Test
  void arrowsAndEnterWorkLikeDigits() {
    VirtualMenu m = menu().press(KeyType.ArrowDown, KeyType.ArrowUp, KeyType.Enter);
    assertThat(m.row(0)).endsWith("Paqet tunnel");
    m.press(KeyType.ArrowDown, KeyType.Enter);
    assertThat(m.row(0)).endsWith("Client");
  }

  @Test
  void aSystemWithOneTargetOpensItDirectly() {
    VirtualMenu m = menu().type("4");
    assertThat(m.loop.top()).isInstanceOf(TargetView.class);
    assertThat(m.text()).contains("(camera-platform)");
  }

  @Test
  void aSystemWithoutTargetsSaysWhy() {
    VirtualMenu m = menu().type("5");
    assertThat(m.loop.top()).isInstanceOf(SystemsView.class);
    assertThat(m.text())
        .contains("Not available: no targets yet: add /etc/watchdog-menu/targets/NAME.yaml");
  }

  @Test
  void longMenusTakeDigitsThenEnter() {
    VirtualMenu m = menu().type("42").type("1");
    assertThat(m.loop.top()).isInstanceOf(IntervalView.class);
    assertThat(m.text()).contains("Number: 1 (Enter picks it)");
    m.type("0");
    assertThat(m.text()).contains("Number: 10");
    m.type("\n");
    assertThat(m.row(0)).endsWith("Disable");
    m.press(KeyType.Escape).type("9\n");
    assertThat(m.text()).contains("--restart-at 00:00,08:00,16:00");
  }

  @Test
  void qQuitsCtrlCQuitsAndEndOfInputQuits() {
    assertThat(menu().type("11q").loop.done()).isTrue();
    assertThat(menu().type("1").press(new KeyStroke('c', true, false)).loop.done()).isTrue();
    assertThat(menu().press(KeyType.EOF).loop.done()).isTrue();
  }

  @Test
  void questionMarkOpensHelpAndEscClosesIt() {
    VirtualMenu m = menu().type("1?");
    assertThat(m.row(0)).endsWith("Help");
    m.press(KeyType.Escape);
    assertThat(m.row(0)).endsWith("Paqet tunnel");
  }

  @Test
  void enterAndEscCancelAPreviewAndOtherKeysCancelTheQuestion() {
    VirtualMenu m = menu().type("1112").type("\n");
    assertThat(m.text()).contains("Cancelled: nothing was written.");
    assertThat(m.row(0)).endsWith("Health check");
    m.type("2").press(KeyType.Escape);
    assertThat(m.text()).contains("Cancelled: nothing was written.");
    m.type("2a");
    assertThat(m.text()).contains("Apply this plan?", "y yes, go ahead  n no");
    m.type("n");
    assertThat(m.text()).contains("Cancelled: nothing was changed");
    assertThat(cron).doesNotExist();
  }

  @Test
  void notRootOnTheRealRootShowsPreviewsAndRefusesToApply() {
    // the machine's own root (read-only needs it) but never its programs
    MutableClock clock = new MutableClock(VirtualMenu.START);
    Host nobody =
        new Host(HostRoot.SYSTEM, new ExactCommands().missing("systemctl"), clock, clock, "nobody");
    VirtualMenu m = new VirtualMenu(nobody, 80, 24, LOOK);
    assertThat(m.text()).contains("Not root: you can look and preview");
    m.type("11");
    assertThat(m.text()).contains("5) Restart now (through the guard)", "[not available]");
    m.type("5");
    assertThat(m.text()).contains("Not available: Not root");
    m.type("12");
    assertThat(m.text()).contains("Plan: watchdog-menu enable paqet-server --health 5m");
    m.type("a");
    assertThat(m.text()).contains("Not available in a read-only run. Not root");
    assertThat(m.loop.top()).isInstanceOf(PlanView.class);
  }

  @Test
  void disabledActionsSayWhy() {
    VirtualMenu m = menu().type("1192");
    assertThat(m.text())
        .contains("Not available: the service of paqet-server does not run as a user of its own");
  }

  @Test
  void restartPolicyOpensAPreviewOfTheDropIn() {
    VirtualMenu m = menu().type("119");
    assertThat(m.text())
        .contains("3) Restart policy drop-in for paqet-server (and", "[Not installed]");
    m.type("3");
    assertThat(m.row(0)).contains("Access and boot").endsWith("Preview");
    assertThat(m.text()).contains("--restart-policy paqet-server.service");
  }

  @Test
  void checkRestartNowAndClearHistoryGoThroughTheEngine() throws Exception {
    Path restarted = dir.resolve("restarted");
    writeTarget(
        "demo",
        "id: demo\n"
            + "title: Demo\n"
            + "service:\n"
            + "  kind: command\n"
            + "  restart: [\"/usr/bin/touch\", \""
            + restarted
            + "\"]\n"
            + "probes:\n"
            + "  - type: command\n"
            + "    command: [\"/bin/false\"]\n"
            + "policy:\n"
            + "  retries: 1\n");
    ExactCommands commands =
        new ExactCommands()
            .noServiceManager()
            .answer(CommandResult.exited(1, "", "", Duration.ofMillis(1)), "/bin/false")
            .does(
                () -> {
                  try {
                    Files.createFile(restarted);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                },
                "/usr/bin/touch",
                restarted.toString());
    VirtualMenu m = new VirtualMenu(VirtualMenu.sandbox(dir, commands), 80, 24, LOOK).type("7");
    assertThat(m.row(0)).endsWith("Your own targets");
    m.type("4");
    assertThat(m.row(0)).endsWith("Health check");
    assertThat(m.session.awaitRuns(20_000)).isTrue();
    m.tick();
    assertThat(m.text()).contains("=== Health Check Start: demo ===", "Result: CRITICAL");
    assertThat(restarted).as("a check from the menu never restarts").doesNotExist();
    assertThat(Files.readString(dir.resolve("var/log/demo-health.log")))
        .contains("=== Health Check Start: demo ===");
    m.press(KeyType.Enter).type("5");
    assertThat(m.text()).contains("Restart demo now, through the guard (source manual)?");
    m.type("x");
    assertThat(restarted).doesNotExist();
    m.type("5y");
    assertThat(m.row(0)).endsWith("Restart now");
    assertThat(m.session.awaitRuns(20_000)).isTrue();
    assertThat(restarted).exists();
    assertThat(Files.readString(dir.resolve("var/lib/watchdog-menu/state/demo.txt")).trim())
        .endsWith("manual");
    m.tick();
    assertThat(m.text()).contains("Result: restarted");
    m.press(KeyType.Escape);
    assertThat(m.text()).contains("Guard: 1/5 restarts per hour");
    m.type("6y");
    assertThat(m.text()).contains("Restart history cleared");
    m.press(KeyType.Escape);
    assertThat(m.text()).contains("Guard: 0/5 restarts per hour, ready");
  }

  @Test
  void logViewerFollowsSearchesAndSwitchesLogs() throws IOException {
    Path log = dir.resolve("var/log/paqet-health-server.log");
    Files.createDirectories(log.getParent());
    Files.writeString(log, "[t] === Health Check Start: paqet-server ===\n[t] first\n");
    VirtualMenu m = menu().type("117");
    assertThat(m.text()).contains("[t] first");
    m.type("f");
    assertThat(m.text()).contains("Following: new lines appear", "f follow (on)");
    Files.writeString(log, "[t] second\n", java.nio.file.StandardOpenOption.APPEND);
    m.clock().advance(Duration.ofMillis(500));
    assertThat(m.tick()).isTrue();
    assertThat(m.text()).contains("[t] second");
    m.type("/Start\n");
    assertThat(m.text()).contains("Found 'Start' in line 1 of 3");
    m.type("/nowhere\n");
    assertThat(m.text()).contains("'nowhere' is not in the last 200 lines.");
    m.type("t");
    assertThat(m.row(0)).endsWith("Restart log");
    assertThat(m.text()).contains("The restart log does not exist yet:");
  }

  private void writeTarget(String id, String yaml) throws IOException {
    Path f = dir.resolve("etc/watchdog-menu/targets/" + id + ".yaml");
    Files.createDirectories(f.getParent());
    Files.writeString(f, yaml);
  }
}
