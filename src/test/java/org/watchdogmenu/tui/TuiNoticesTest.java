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
import org.watchdogmenu.os.Host;

/**
 * No message is ever cut: what a failed apply found, the questions and the results show whole in
 * the panel under the view (or on a screen of their own), at 80x24 and at the smallest size, and
 * the keys a question takes are in the footer.
 */
class TuiNoticesTest {
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

  /** A sandbox host on which {@code program} is not installed. */
  private Host without(String program) {
    return VirtualMenu.sandbox(dir, new ExactCommands().noServiceManager().missing(program));
  }

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
  void aMissingValidatorIsNamedWholeAfterAFailedApply(int w, int h, Look look) {
    VirtualMenu m = new VirtualMenu(without("logrotate"), w, h, look).type("1112");
    m.type("ay");

    assertThat(m.loop.top()).isInstanceOf(TextView.class);
    assertThat(flat(m))
        .contains("Not applied: nothing was written, 1 problem(s):")
        .contains(
            "/etc/logrotate.d/watchdog-menu: logrotate is not installed: apt-get install"
                + " logrotate")
        .doesNotContain("error=2");
    assertThat(dir.resolve("etc/cron.d/paqet-health-paqet-server")).doesNotExist();
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void aMissingVisudoIsNamedWhole(int w, int h, Look look) {
    VirtualMenu m = sudoersPreview(new VirtualMenu(without("visudo"), w, h, look));
    m.type("ay");

    assertThat(flat(m))
        .contains(
            "/etc/sudoers.d/watchdog-menu-deploy: visudo is not installed: apt-get install sudo");
    assertThat(dir.resolve("etc/sudoers.d/watchdog-menu-deploy")).doesNotExist();
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void theQuestionShowsWholeWithItsKeysInTheFooter(int w, int h, Look look) {
    VirtualMenu m = new VirtualMenu(VirtualMenu.sandbox(dir), w, h, look).type("1112a");

    assertThat(m.loop.notice().orElseThrow().kind()).isEqualTo(Notice.Kind.QUESTION);
    wholeNotice(m);
    assertThat(footer(m)).startsWith("y yes, go ahead  n no");
    assertThat(footer(m)).doesNotContain("q quit", "Esc back");
    m.type("n");
    assertThat(m.loop.top()).isInstanceOf(PlanView.class);
    assertThat(footer(m)).contains("a apply", "q quit");
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void aLongQuestionFoldsAndStaysWhole(int w, int h, Look look) throws IOException {
    sudoersFile("/bin/bash\n");
    VirtualMenu m = sudoersPreview(new VirtualMenu(VirtualMenu.sandbox(dir), w, h, look));
    m.type("a");

    assertThat(m.loop.notice().orElseThrow().text()).contains("deploy: '/bin/bash' runs bash");
    wholeNotice(m);
    assertThat(footer(m)).startsWith("y yes, go ahead  n no");
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void aNoticeLongerThanItsRoomScrollsWithPageDown(int w, int h, Look look) {
    VirtualMenu m = new VirtualMenu(VirtualMenu.sandbox(dir), w, h, look);
    StringBuilder text = new StringBuilder("Applied:");
    for (int i = 1; i <= 20; i++) {
      text.append("\n  wrote line ").append(i);
    }
    // a notice of 21 lines: more than any of these screens has room for
    m.loop.say(Notice.of(text.toString()));
    m.resize(w, h);
    assertThat(m.text()).contains(look.down() + " ");
    StringBuilder seen = new StringBuilder(m.text());
    for (int i = 0; i < 6; i++) {
      seen.append(m.press(KeyType.PageDown).text());
    }
    assertThat(seen).contains("wrote line 1", "wrote line 10", "wrote line 20");
    assertThat(m.loop.notice()).isPresent();
    assertThat(m.text()).contains(look.up() + " ");
  }
}
