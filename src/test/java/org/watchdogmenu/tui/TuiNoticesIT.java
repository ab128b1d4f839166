package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No message is ever cut: what a failed apply found, the questions and the results show whole in
 * the panel under the view (or on a screen of their own), at 80x24 and at the smallest size, and
 * the keys a question takes are in the footer.
 */
class TuiNoticesIT {
  @TempDir Path dir;

  static Stream<Arguments> sizes() {
    return Stream.of(
        Arguments.of(80, 24, new Look(false, true)),
        Arguments.of(60, 16, new Look(false, true)),
        Arguments.of(60, 16, new Look(true, false)));
  }

  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(dir.resolve("etc/cron.d"));
    Files.createDirectories(dir.resolve("proc"));
    Files.writeString(
        dir.resolve("etc/passwd"),
        "root:x:0:0:root:/root:/bin/bash\ndeploy:x:1000:1000::/home/deploy:/bin/bash\n");
    Files.writeString(dir.resolve("etc/group"), "root:x:0:\ndeploy:x:1000:\n");
  }

  /** A host whose commands are the real ones, but {@code program} is not installed. */

  /**
   * The screen's text inside the box, rows joined and blanks collapsed: folded lines read whole.
   */
  static String flat(VirtualMenu m) {
    StringBuilder b = new StringBuilder();
    for (String row : m.text().split("\n")) {
      b.append(row.replaceAll("^[│|+├└┌]\\s?", "").replaceAll("\\s?[│|+┤┘┐]$", "")).append(' ');
    }
    return b.toString().replaceAll("\\s+", " ");
  }

  /** The notice the menu shows now is on the screen whole, every word of it. */
  static void wholeNotice(VirtualMenu m) {
    assertThat(m.loop.notice()).as("a notice is shown").isPresent();
    String said = m.loop.notice().orElseThrow().text().replaceAll("\\s+", " ").strip();
    assertThat(flat(m)).as("the whole notice is on the screen").contains(said);
    String below = m.text().substring(m.text().indexOf('\n'));
    assertThat(below).as("nothing is cut under the breadcrumb").doesNotContain("…", "...");
  }

  private static String footer(VirtualMenu m) {
    String[] rows = m.text().split("\n", -1);
    return rows[m.terminal.getTerminalSize().getRows() - 1];
  }

  private void sudoersFile(String rule) throws IOException {
    Path d = Files.createDirectories(dir.resolve("etc/sudoers.d"));
    Files.writeString(d.resolve("watchdog-menu-deploy"), "deploy ALL=(root) NOPASSWD: " + rule);
  }

  /** Paqet server, Sudoers: deploy, then the preview. */
  private static VirtualMenu sudoersPreview(VirtualMenu m) {
    m.type("1191").type("1deploy\n").type("2");
    assertThat(m.loop.top()).isInstanceOf(PlanView.class);
    return m;
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void aVisudoRefusalIsShownWhole(int w, int h, Look look) throws IOException {
    // the real visudo refuses a command that is not a full path, kept from the operator's file
    sudoersFile("systemctl restart web\n");
    VirtualMenu m = sudoersPreview(new VirtualMenu(RealValidators.sandbox(dir), w, h, look));
    m.type("ay");

    assertThat(m.loop.top()).isInstanceOf(TextView.class);
    assertThat(flat(m))
        .contains("Not applied: nothing was written, 1 problem(s):")
        .contains(
            "/etc/sudoers.d/watchdog-menu-deploy:2: visudo: expected a fully-qualified path name"
                + " (column ");
    m.press(KeyType.Enter);
    assertThat(m.loop.top()).isInstanceOf(PlanView.class);
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void theResultOfAnApplyIsWholeUnderTheMenu(int w, int h, Look look) {
    VirtualMenu m = new VirtualMenu(RealValidators.sandbox(dir), w, h, look).type("1112ay");

    assertThat(m.loop.top()).isInstanceOf(TargetView.class);
    assertThat(m.loop.notice().orElseThrow().text())
        .startsWith("Applied:")
        .contains("/etc/cron.d/paqet-health-paqet-server", "/etc/logrotate.d/watchdog-menu");
    wholeNotice(m);
  }
}
