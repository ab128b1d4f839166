package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;

/**
 * Not root on the machine's own root: a banner on every screen says the menu is read-only and what
 * to do; previews show; nothing offers to apply (no a, no y/n). It only reads the machine's files.
 */
class TuiReadOnlyTest {
  static Stream<Arguments> sizes() {
    return Stream.of(
        Arguments.of(80, 24, new Look(false, true)),
        Arguments.of(60, 16, new Look(false, true)),
        Arguments.of(60, 16, new Look(true, false)));
  }

  private static VirtualMenu nobody(int w, int h, Look look) {
    // the machine's own root (read-only needs it) but never its programs: every command is
    // answered "not installed", so what the machine's systemd says cannot change the screens
    MutableClock clock = new MutableClock(VirtualMenu.START);
    Host host =
        new Host(HostRoot.SYSTEM, new ExactCommands().missing("systemctl"), clock, clock, "nobody");
    return new VirtualMenu(host, w, h, look);
  }

  private static void banner(VirtualMenu m) {
    assertThat(m.row(1)).startsWith("READ-ONLY. Not root: you can look and preview;");
    assertThat(TuiNoticesTest.flat(m)).contains("to change anything run sudo watchdog-menu");
  }

  private static String footer(VirtualMenu m) {
    return m.row(m.terminal.getTerminalSize().getRows() - 1);
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void theBannerStaysOnEveryScreenAndApplyIsNotOffered(int w, int h, Look look) {
    VirtualMenu m = nobody(w, h, look);
    banner(m);
    m.type("11");
    banner(m);
    assertThat(TuiNoticesTest.flat(m))
        .contains("systemctl is not installed: apt-get install systemd");
    m.press(KeyType.ArrowDown, KeyType.ArrowDown, KeyType.ArrowDown, KeyType.ArrowDown);
    assertThat(m.text()).contains("Restart now (through the guard)", "[not available]");
    m.type("1");
    banner(m);
    m.type("2");
    assertThat(m.loop.top()).isInstanceOf(PlanView.class);
    banner(m);
    assertThat(TuiNoticesTest.flat(m))
        .contains("Preview only: this run is read-only; nothing can be applied.")
        .contains("Plan: watchdog-menu enable paqet-server --health 5m");
    assertThat(footer(m)).doesNotContain("a apply").contains("Enter close");

    m.type("a");
    assertThat(m.loop.top()).isInstanceOf(PlanView.class);
    assertThat(m.loop.notice().orElseThrow().kind()).isNotEqualTo(Notice.Kind.QUESTION);
    assertThat(TuiNoticesTest.flat(m)).contains("Not available in a read-only run.");
    assertThat(footer(m)).doesNotContain("y yes");
    m.type("y");
    assertThat(m.loop.top()).isInstanceOf(PlanView.class);

    m.type("?");
    banner(m);
    StringBuilder help = new StringBuilder(TuiNoticesTest.flat(m));
    for (int i = 0; i < 8; i++) {
      help.append(TuiNoticesTest.flat(m.press(KeyType.PageDown)));
    }
    assertThat(help).contains("Read-only (not root): the preview shows");
    m.press(KeyType.Escape).press(KeyType.Escape);
    banner(m);
  }
}
