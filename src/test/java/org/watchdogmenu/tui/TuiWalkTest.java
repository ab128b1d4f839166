package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.CommandResult;

/**
 * Every item of every screen, picked on roots the menu cannot use as it is (a path with a character
 * the installer refuses, files of junk): the menu says what is wrong in its own words and goes on;
 * it never stops with an error, never shows a Java name, and never falls back on its last resort.
 */
class TuiWalkTest {
  private static final Look LOOK = new Look(false, true);
  private static final Pattern ITEM = Pattern.compile("^[│| ]*>?\\s*([0-9a-z])\\) \\S");

  /** Screens that start slow work or leave the menu when picked are not walked further. */
  private static final int DEPTH = 4;

  @TempDir Path tmp;

  private final List<String> failures = new ArrayList<>();

  @Test
  void theSudoersItemOfARootWithACommaSaysWhyInsteadOfStopping() throws IOException {
    Path dir = commaRoot();
    VirtualMenu m = new VirtualMenu(VirtualMenu.sandbox(dir), 80, 24, LOOK).type("119");
    assertThat(m.row(0)).endsWith("Access and boot");
    assertThat(m.text())
        .contains("1) Sudoers (check and restart without a password)", "[not available]");
    m.type("1");
    assertThat(m.row(0)).endsWith("Access and boot");
    assertThat(m.text().replaceAll("[\\s│]+", " "))
        .contains("Not available: --root '" + dir + "' is not allowed: write an absolute path")
        .doesNotContain(MenuLoop.UNEXPECTED)
        .doesNotContain("Exception");
  }

  @Test
  void aScreenThatFailsInAWayNoOneForesawIsNamedInOneLineAndTheMenuGoesOn() throws IOException {
    DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(80, 24));
    TerminalScreen screen = new TerminalScreen(terminal);
    screen.startScreen();
    View broken =
        new MenuView() {
          @Override
          public String crumb() {
            return "Broken";
          }

          @Override
          List<Choice> items() {
            return List.of(
                Choice.of(
                    "Explode",
                    () -> {
                      throw new IllegalStateException("boom");
                    }),
                Choice.of("Open a screen that cannot draw", () -> Step.open(undrawable())));
          }
        };
    MenuLoop loop = new MenuLoop(screen, LOOK, broken, Optional.empty());
    loop.draw();
    loop.handle(new KeyStroke('1', false, false));
    loop.draw();
    String said = loop.notice().orElseThrow().text();
    assertThat(said)
        .isEqualTo(
            "Failed: \"Explode\" on Broken "
                + MenuLoop.UNEXPECTED
                + "; nothing more was done. Try again, or use the same from the command line"
                + " (watchdog-menu --help).")
        .doesNotContain("boom");
    assertThat(loop.notice().orElseThrow().kind()).isEqualTo(Notice.Kind.PROBLEM);
    assertThat(loop.done()).isFalse();

    loop.handle(new KeyStroke('2', false, false));
    loop.draw();
    assertThat(loop.top()).isSameAs(broken);
    assertThat(loop.notice().orElseThrow().text())
        .startsWith("Failed: Undrawable " + MenuLoop.UNEXPECTED);
    assertThat(screenText(terminal)).contains("Failed: Undrawable", "1) Explode");
    loop.handle(new KeyStroke('q', false, false));
    assertThat(loop.done()).isTrue();
  }

  /** A screen whose lines cannot be made. */
  private static View undrawable() {
    return new View() {
      @Override
      public String crumb() {
        return "Undrawable";
      }

      @Override
      public List<String> keys(Look look) {
        return List.of();
      }

      @Override
      public List<Line> body(int width, int height) {
        throw new IndexOutOfBoundsException("no lines");
      }

      @Override
      public Step key(KeyStroke key) {
        return Step.UNHANDLED;
      }
    };
  }

  private static String screenText(DefaultVirtualTerminal terminal) {
    StringBuilder b = new StringBuilder();
    for (int row = 0; row < terminal.getTerminalSize().getRows(); row++) {
      for (int col = 0; col < terminal.getTerminalSize().getColumns(); col++) {
        b.append(terminal.getCharacter(col, row).getCharacterString());
      }
      b.append('\n');
    }
    return b.toString();
  }

  @Test
  void everyItemOnARootWithACommaAnswersInWords() throws IOException {
    walkAll(commaRoot());
  }

  @Test
  void everyItemOnARootOfJunkFilesAnswersInWords() throws IOException {
    Path dir = tmp.resolve("junk");
    junk(dir, "var/lib/watchdog-menu/manifest.json");
    junk(dir, "var/lib/watchdog-menu/journal.json");
    junk(dir, "var/lib/watchdog-menu/last/paqet-server.json");
    junk(dir, "var/lib/watchdog-menu/last/demo.json");
    junk(dir, "var/lib/watchdog-menu/state/paqet-server.txt");
    junk(dir, "var/lib/watchdog-menu/state/demo.txt");
    junk(dir, "var/lib/watchdog-menu/monitor.heartbeat");
    junk(dir, "var/lib/watchdog-menu/metrics-state.json");
    junk(dir, "var/lib/watchdog-menu/alerts/demo.json");
    junk(dir, "etc/watchdog-menu/alerts.yaml");
    junk(dir, "etc/watchdog-menu/monitor.yaml");
    junk(dir, "etc/watchdog-menu/metrics.yaml");
    junk(dir, "etc/watchdog-menu/targets/broken.yaml");
    junk(dir, "etc/cron.d/paqet-health-paqet-server");
    junk(dir, "var/log/paqet-health-server.log");
    demo(dir);
    walkAll(dir);
  }

  @Test
  void everyItemOnARootWithFoldersWhereFilesShouldBeAnswersInWords() throws IOException {
    Path dir = tmp.resolve("folders");
    for (String path :
        List.of(
            "var/lib/watchdog-menu/manifest.json",
            "var/lib/watchdog-menu/journal.json",
            "var/lib/watchdog-menu/last/paqet-server.json",
            "var/lib/watchdog-menu/state/paqet-server.txt",
            "var/lib/watchdog-menu/monitor.heartbeat",
            "etc/watchdog-menu/alerts.yaml",
            "etc/watchdog-menu/monitor.yaml",
            "etc/cron.d/paqet-health-paqet-server",
            "etc/sudoers.d/watchdog-menu-deploy",
            "var/log/paqet-health-server.log")) {
      Files.createDirectories(dir.resolve(path));
    }
    Files.writeString(dir.resolve("etc/passwd"), "deploy:x:1100:1100::/home/deploy:/bin/sh\n");
    demo(dir);
    walkAll(dir);
  }

  private Path commaRoot() throws IOException {
    Path dir = tmp.resolve("a,b");
    Files.createDirectories(dir.resolve("etc"));
    Files.writeString(dir.resolve("etc/passwd"), "deploy:x:1100:1100::/home/deploy:/bin/sh\n");
    demo(dir);
    return dir;
  }

  private static void demo(Path dir) throws IOException {
    Path file = dir.resolve("etc/watchdog-menu/targets/demo.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "id: demo\n"
            + "title: Demo\n"
            + "service:\n"
            + "  kind: command\n"
            + "  user: deploy\n"
            + "  restart: [\"/bin/true\"]\n"
            + "probes:\n"
            + "  - type: command\n"
            + "    command: [\"/bin/true\"]\n");
  }

  private static void junk(Path dir, String path) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[] {'{', '\n', (byte) 0xff, (byte) 0xfe, 0, ':', '[', '\n'});
  }

  private void walkAll(Path dir) {
    // the checks it starts on the way: the camera platform's probes, and a target's own command
    ExactCommands commands =
        new ExactCommands()
            .noServiceManager()
            .missing("docker")
            .missing("emqx")
            .answer(CommandResult.exited(0, "", "", Duration.ofMillis(1)), "/bin/true");
    VirtualMenu m = new VirtualMenu(VirtualMenu.sandbox(dir, commands), 100, 30, LOOK);
    List<String> seen = new ArrayList<>();
    walk(m, "", 0, seen);
    assertThat(failures).as("screens that failed").isEmpty();
    assertThat(seen).as("the screens walked").hasSizeGreaterThan(20);
  }

  /** Picks each item of the screen on top, walks what it opens, and comes back. */
  private void walk(VirtualMenu m, String path, int depth, List<String> seen) {
    View here = m.loop.top();
    seen.add(path + " " + here.crumb());
    help(m, path, here);
    for (char key : items(m.text())) {
      String where = path + key;
      if (skipped(here, key)) {
        continue;
      }
      press(m, key, where);
      if (m.loop.done()) {
        throw new AssertionError(where + " left the menu");
      }
      if (m.loop.notice().filter(n -> n.kind() == Notice.Kind.QUESTION).isPresent()) {
        press(m, 'n', where + "n");
      }
      if (m.loop.top() != here && depth < DEPTH && !(m.loop.top() instanceof RunView)) {
        walk(m, where, depth + 1, seen);
      }
      while (m.loop.top() != here && !m.loop.done()) {
        View before = m.loop.top();
        m.press(KeyType.Escape);
        check(m, where + "<Esc>");
        if (m.loop.top() == before) {
          // a view that keeps Esc (a field being typed) leaves on the next one
          m.press(KeyType.Escape);
          check(m, where + "<Esc><Esc>");
        }
      }
    }
  }

  /** The screen's help, and back. */
  private void help(VirtualMenu m, String path, View here) {
    if (here.typing() || here instanceof HelpView) {
      return;
    }
    press(m, '?', path + "?");
    if (m.loop.top() != here) {
      m.press(KeyType.Escape);
      check(m, path + "?<Esc>");
    }
  }

  /** Items that leave the menu or start work that is not a screen to walk. */
  private static boolean skipped(View here, char key) {
    return here instanceof HelpView;
  }

  private void press(VirtualMenu m, char key, String where) {
    try {
      m.press(new KeyStroke(key, false, false));
    } catch (RuntimeException e) {
      throw new AssertionError("picking " + where + " stopped the menu", e);
    }
    check(m, where);
  }

  private void check(VirtualMenu m, String where) {
    String text = m.text();
    String words = text.replaceAll("[\\s│|]+", " ");
    if (words.contains("Exception")
        || words.contains("java.")
        || words.contains(MenuLoop.UNEXPECTED)) {
      failures.add("after " + where + ":\n" + text);
    }
  }

  /** The keys of the items on the screen, in order. */
  private static List<Character> items(String screen) {
    List<Character> keys = new ArrayList<>();
    for (String row : screen.split("\n")) {
      Matcher match = ITEM.matcher(row);
      if (match.find()) {
        keys.add(match.group(1).charAt(0));
      }
    }
    return keys;
  }
}
