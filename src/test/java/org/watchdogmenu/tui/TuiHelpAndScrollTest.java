package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each screen has its own help, and the help has no help of its own; a body longer than its box
 * says how many lines are below and above.
 */
class TuiHelpAndScrollTest {
  @TempDir Path dir;

  static Stream<Arguments> sizes() {
    return Stream.of(
        Arguments.of(80, 24, new Look(false, true)),
        Arguments.of(60, 16, new Look(false, true)),
        Arguments.of(60, 16, new Look(true, false)));
  }

  private VirtualMenu menu(int w, int h, Look look) {
    return new VirtualMenu(VirtualMenu.sandbox(dir), w, h, look);
  }

  /** Every page of the current screen, Home to End. */
  private static String pages(VirtualMenu m) {
    StringBuilder b = new StringBuilder(TuiNoticesTest.flat(m));
    for (int i = 0; i < 8; i++) {
      b.append(TuiNoticesTest.flat(m.press(KeyType.PageDown)));
    }
    return b.toString();
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void eachScreenHasItsOwnHelp(int w, int h, Look look) {
    VirtualMenu m = menu(w, h, look).type("11?");
    assertThat(m.row(0)).endsWith("Server" + look.crumbSeparator() + "Help");
    String target = pages(m);
    assertThat(target)
        .contains("This screen: Server")
        .contains("Protection is the restart guard every restart goes through")
        .contains("cooldown between restarts and a cap of restarts per window")
        .contains("u on the first screen (the last apply)")
        .contains("forced with f then y (recorded as manual)")
        .contains("Esc back one level");

    m.type("?");
    assertThat(m.row(0)).endsWith("Server" + look.crumbSeparator() + "Help");
    assertThat(m.row(0)).doesNotContain("Help" + look.crumbSeparator() + "Help");
    m.press(KeyType.Escape).type("12?");
    String preview = pages(m);
    assertThat(preview)
        .contains("This screen: Every 5 minutes")
        .contains("The preview of a change: nothing is written until you press a, then y.")
        .doesNotContain("Protection is the restart guard");
    for (int i = 0; i < 5; i++) {
      m.press(KeyType.Escape);
    }
    m.type("a?");
    assertThat(pages(m)).contains("This screen: Add a target", "Add a target of your own");
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void aLongBodySaysHowManyLinesAreBelowAndAbove(int w, int h, Look look) {
    VirtualMenu m = menu(w, h, look).type("328");
    if (h < 24) {
      assertThat(m.text())
          .containsPattern(java.util.regex.Pattern.quote(look.down()) + " \\d+ more");
    }
    m.press(KeyType.End);
    assertThat(m.text()).contains("12) Save (preview the file)");
    if (h < 24) {
      assertThat(m.text()).containsPattern(java.util.regex.Pattern.quote(look.up()) + " \\d+ more");
    } else {
      assertThat(m.text()).as("all fits: no marks").doesNotContain(" more ");
    }

    m.press(KeyType.Escape).press(KeyType.Escape).press(KeyType.Escape).type("1112");
    assertThat(m.loop.top()).isInstanceOf(PlanView.class);
    assertThat(m.text())
        .containsPattern(java.util.regex.Pattern.quote(look.down()) + " \\d+ more")
        .doesNotContainPattern(java.util.regex.Pattern.quote(look.up()) + " \\d+ more");
    m.press(KeyType.End);
    assertThat(m.text())
        .containsPattern(java.util.regex.Pattern.quote(look.up()) + " \\d+ more")
        .doesNotContainPattern(java.util.regex.Pattern.quote(look.down()) + " \\d+ more");
  }
}
