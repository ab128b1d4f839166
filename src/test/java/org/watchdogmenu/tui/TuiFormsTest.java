package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A form says what its keys do while a field is typed, marks changed fields, asks before Esc drops
 * changes, and its refusal names the field in words and goes once the value is fixed.
 */
class TuiFormsTest {
  private static final KeyStroke CLEAR = new KeyStroke('u', true, false);

  @TempDir Path dir;

  static Stream<Arguments> sizes() {
    return Stream.of(
        Arguments.of(80, 24, new Look(false, true)),
        Arguments.of(60, 16, new Look(false, true)),
        Arguments.of(60, 16, new Look(true, false)));
  }

  /** WaterWall, Client, Settings: a form of 12 fields and Save. */
  private VirtualMenu settings(int w, int h, Look look) {
    VirtualMenu m = new VirtualMenu(VirtualMenu.sandbox(dir), w, h, look).type("328");
    assertThat(m.loop.top()).isInstanceOf(FormView.class);
    return m;
  }

  private static String footer(VirtualMenu m) {
    return m.row(m.terminal.getTerminalSize().getRows() - 1);
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void whileAFieldIsTypedTheFooterShowsItsKeysAndQIsALetter(int w, int h, Look look) {
    VirtualMenu m = settings(w, h, look).type("1\n");
    assertThat(((FormView) m.loop.top()).editing()).isTrue();

    assertThat(footer(m)).contains("Enter keep", "Esc drop the change");
    assertThat(footer(m)).doesNotContain("q quit", "? help", "Esc back");
    m.press(CLEAR).type("q?");
    assertThat(m.loop.done()).isFalse();
    assertThat(m.text()).contains("> q?");
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void aRefusalNamesTheFieldInWordsAndGoesWhenTheValueIsFixed(int w, int h, Look look) {
    VirtualMenu m = settings(w, h, look).type("3\n").press(CLEAR).type("700000\n");

    assertThat(TuiNoticesTest.flat(m))
        .contains("Not kept: WaterWall listener: port must be between 1 and 65535, not 700000")
        .doesNotContain("probes[");
    m.press(KeyType.Backspace);
    assertThat(m.text()).contains("> 70000");
    assertThat(TuiNoticesTest.flat(m)).contains("Not kept: WaterWall listener: port");
    m.press(KeyType.Backspace).press(KeyType.Backspace);
    assertThat(m.text()).contains("> 700");
    assertThat(TuiNoticesTest.flat(m))
        .as("700 is a port: the refusal goes")
        .doesNotContain("Not kept");
    m.type("\n");
    assertThat(m.text()).contains("[700]").doesNotContain("Not kept");
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void escWithChangesAsksFirstAndChangedFieldsAreMarked(int w, int h, Look look) {
    VirtualMenu m = settings(w, h, look);
    m.type("3\n").press(CLEAR).type("9090\n");
    m.type("1\n").press(CLEAR).type("Edge listener\n");
    m.press(KeyType.Home);
    assertThat(m.text()).contains("1) Title *", "[Edge listener]");
    assertThat(m.text()).contains("3) WaterWall listener: port *", "[9090]");

    m.press(KeyType.Escape);
    assertThat(m.loop.top()).isInstanceOf(FormView.class);
    assertThat(TuiNoticesTest.flat(m)).contains("Discard 2 changes to this form?");
    assertThat(footer(m)).startsWith("y yes, go ahead  n no");
    m.type("n");
    assertThat(m.loop.top()).isInstanceOf(FormView.class);
    assertThat(m.text()).contains("Kept: the form still has your changes.", "[9090]");

    m.press(KeyType.Escape).type("y");
    assertThat(m.loop.top()).isInstanceOf(TargetView.class);
    assertThat(m.text()).contains("Discarded: nothing was written.");
    assertThat(dir.resolve("etc/watchdog-menu/targets/waterwall-client.yaml")).doesNotExist();
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void escWithoutChangesLeavesAtOnce(int w, int h, Look look) {
    VirtualMenu m = settings(w, h, look).type("3\n").press(KeyType.Escape);
    assertThat(((FormView) m.loop.top()).editing()).isFalse();
    m.press(KeyType.Escape);
    assertThat(m.loop.top()).isInstanceOf(TargetView.class);
  }
}
