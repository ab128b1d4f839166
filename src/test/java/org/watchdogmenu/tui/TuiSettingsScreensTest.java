package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Settings and "Add a target" screens at 80x24 and at the smallest size, colour and ASCII. */
class TuiSettingsScreensTest {
  @TempDir Path dir;

  private VirtualMenu menu(int w, int h, Look look) {
    return new VirtualMenu(VirtualMenu.sandbox(dir), w, h, look);
  }

  @ParameterizedTest
  @MethodSource("org.watchdogmenu.tui.TuiScreensTest#looks")
  void settings(int w, int h, Look look) {
    VirtualMenu m = menu(w, h, look).type("328");
    TuiScreensTest.common(m, look);
    assertThat(m.row(0)).endsWith("Client" + look.crumbSeparator() + "Settings");
    assertThat(m.text()).contains("Settings of WaterWall client", "number+Enter pick");
    m.press(KeyType.End);
    assertThat(m.text()).contains("12) Save (preview the file)");
    m.press(KeyType.Home);
    assertThat(m.text()).contains("1) Title", "[WaterWall client]", "2) Unit");
    if (look.color()) {
      assertThat(m.colorOf("[WaterWall client]")).isEqualTo(TextColor.ANSI.CYAN);
    }
  }

  @ParameterizedTest
  @MethodSource("org.watchdogmenu.tui.TuiScreensTest#looks")
  void aFieldBeingTypedAndARefusal(int w, int h, Look look) {
    VirtualMenu m = menu(w, h, look).type("328");
    m.type("3\n").press(new KeyStroke('u', true, false)).type("70000\n");
    TuiScreensTest.common(m, look);
    assertThat(m.text())
        .contains("WaterWall listener: port:", "> 70000", "a port: 1 to 65535")
        .contains("Not kept: WaterWall listener: port must be between 1")
        .contains("Enter keep", "Esc drop the change")
        .doesNotContain("q quit", "? help");
    if (look.color()) {
      assertThat(m.colorOf("Not kept: WaterWall")).isEqualTo(TextColor.ANSI.RED);
    }
  }

  @ParameterizedTest
  @MethodSource("org.watchdogmenu.tui.TuiScreensTest#looks")
  void addATarget(int w, int h, Look look) {
    VirtualMenu m = menu(w, h, look).type("a");
    TuiScreensTest.common(m, look);
    assertThat(m.row(0)).endsWith("Systems" + look.crumbSeparator() + "Add a target");
    assertThat(m.text())
        .contains("What does the new target watch?")
        .contains("1) A systemd service", "2) A PM2 app", "3) A service with a restart command")
        .contains("1-3 pick");
    m.type("2");
    TuiScreensTest.common(m, look);
    assertThat(m.row(0)).endsWith("New target");
    assertThat(m.text())
        .contains("1) Id", "2) Title", "3) PM2 app", "4) User of its PM2", "[empty]");
    m.press(KeyType.End);
    assertThat(m.text()).contains("7) Save (preview the new file)");
  }
}
