package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every screen drawn headless at 80x24 and at the smallest size, in colour and in ASCII. */
class TuiScreensTest {
  @TempDir Path dir;

  static Stream<Arguments> looks() {
    Look colour = new Look(false, true);
    Look ascii = new Look(true, false);
    return Stream.of(
        Arguments.of(80, 24, colour),
        Arguments.of(80, 24, ascii),
        Arguments.of(60, 16, colour),
        Arguments.of(60, 16, ascii));
  }

  private VirtualMenu menu(int w, int h, Look look) {
    return new VirtualMenu(VirtualMenu.sandbox(dir), w, h, look);
  }

  static void common(VirtualMenu m, Look look) {
    String text = m.text();
    String[] rows = text.split("\n", -1);
    assertThat(rows[0].startsWith("watchdog-menu") || rows[0].startsWith(look.ellipsis()))
        .as(rows[0])
        .isTrue();
    if (!m.loop.top().typing()) {
      assertThat(text).contains("q quit", "? help");
    }
    assertThat(rows[1]).startsWith(look.ascii() ? "+-" : "┌─");
    if (look.ascii()) {
      assertThat(text.chars()).allMatch(c -> c < 128);
    }
  }

  @ParameterizedTest
  @MethodSource("looks")
  void systems(int w, int h, Look look) {
    VirtualMenu m = menu(w, h, look);
    common(m, look);
    assertThat(m.text())
        .contains("Pick a system:", "1) Paqet tunnel", "[never checked, ")
        .contains("4) Camera platform")
        .contains("a) Add a target of your own")
        .contains("m) Continuous monitor and alerts", "[not running]")
        .contains("u) Undo the last change", "[not available]")
        .contains("1-6/a/m/u pick");
    assertThat(m.text()).contains("[no targets yet]");
  }

  @ParameterizedTest
  @MethodSource("looks")
  void roles(int w, int h, Look look) {
    VirtualMenu m = menu(w, h, look).type("1");
    common(m, look);
    assertThat(m.row(0))
        .isEqualTo("watchdog-menu" + sep(look) + "Systems" + sep(look) + "Paqet tunnel");
    assertThat(m.text())
        .contains("1) Server (foreign VPS)", "2) Client (local VPS)", "[never checked, ")
        .contains("Esc back");
  }

  @ParameterizedTest
  @MethodSource("looks")
  void target(int w, int h, Look look) {
    VirtualMenu m = menu(w, h, look).type("11");
    common(m, look);
    assertThat(m.row(0)).endsWith("Paqet tunnel" + sep(look) + "Server");
    assertThat(m.text())
        .contains("Paqet server (paqet-server)")
        .contains("Guard: 0/5 restarts per hour, ready")
        .contains("Last check: never checked")
        .contains("1) Health check (auto-restart)", "[Not configured]")
        .contains("2) Scheduled restart (cron)")
        .contains("3) Continuous monitor", "[Off]")
        .contains("4) Run a health check now");
    if (h >= 24) {
      assertThat(m.text())
          .contains("7) View logs", "8) Settings", "9) Sudoers, linger and systemd units");
    }
    if (look.color()) {
      assertThat(m.colorOf("[Not configured]")).isEqualTo(TextColor.ANSI.BLACK_BRIGHT);
    }
  }

  @ParameterizedTest
  @MethodSource("looks")
  void continuousMonitorItem(int w, int h, Look look) {
    VirtualMenu m = menu(w, h, look).type("11");
    common(m, look);
    assertThat(m.text()).contains("3) Continuous monitor", "[Off]");
    if (look.color()) {
      assertThat(m.colorOf("[Off]")).isEqualTo(TextColor.ANSI.BLACK_BRIGHT);
    }
  }

  @ParameterizedTest
  @MethodSource("looks")
  void monitorAndAlerts(int w, int h, Look look) {
    VirtualMenu m = menu(w, h, look).type("m");
    common(m, look);
    assertThat(m.row(0)).endsWith("Systems" + sep(look) + "Monitor and alerts");
    assertThat(m.text())
        .contains("Monitor: not running")
        .contains("Service: watchdog-menu-monitor.service not installed")
        .contains("Alert channels: none yet")
        .contains("1) Install or update the monitor service", "[not installed]")
        .contains("3) Add a channel", "4) Send a test alert");
  }

  @ParameterizedTest
  @MethodSource("looks")
  void addChannelKindsAndForm(int w, int h, Look look) {
    VirtualMenu m = menu(w, h, look).type("m3");
    common(m, look);
    assertThat(m.text())
        .contains("What kind of channel?")
        .contains("1) Slack-compatible webhook", "2) JSON webhook", "3) Command");
    m.type("1");
    common(m, look);
    assertThat(m.row(0)).endsWith("Slack-compatible webhook");
    assertThat(m.text())
        .contains("An incoming webhook: Slack, Mattermost, Rocket.Chat.")
        .contains("1) Name", "[empty]", "2) URL", "3) Timeout", "[5s]")
        .contains("4) Preview the change");
    m.type("2https://hooks.slack.com/services/T0/B0/t0ken\n");
    common(m, look);
    assertThat(m.text()).contains("[https://hooks.slack.com/****]").doesNotContain("t0ken");
  }

  @ParameterizedTest
  @MethodSource("looks")
  void healthPicker(int w, int h, Look look) {
    VirtualMenu m = menu(w, h, look).type("111");
    common(m, look);
    assertThat(m.row(0)).endsWith("Server" + sep(look) + "Health check");
    assertThat(m.text())
        .contains("Now:", "[Not configured]")
        .contains("1) Every 2 minutes - frequent monitoring")
        .contains("2) Every 5 minutes - balanced (recommended)")
        .contains("3) Every 10 minutes - conservative")
        .contains("4) Disable (remove the health check)");
  }

  @ParameterizedTest
  @MethodSource("looks")
  void restartPickerWithWarnings(int w, int h, Look look) {
    VirtualMenu m = menu(w, h, look).type("112").press(KeyType.Home);
    common(m, look);
    assertThat(m.text())
        .contains("1) Every 10 minutes - testing", "[! testing only")
        .contains("2) Every 30 minutes - frequent", "[! frequent");
    if (w >= 80) {
      assertThat(m.text()).contains("[! testing only - not recommended]");
    }
  }

  @ParameterizedTest
  @MethodSource("looks")
  void cameraRestartPickerHasFixedTimesAndTwoDigitNumbers(int w, int h, Look look) {
    VirtualMenu m = menu(w, h, look).type("42").press(KeyType.End);
    common(m, look);
    assertThat(m.text())
        .contains(" 9) Daily at 00:00, 08:00, 16:00 - every 8 hours")
        .contains("10) Disable (remove the scheduled restart)")
        .contains("number+Enter pick");
  }

  @ParameterizedTest
  @MethodSource("looks")
  void preview(int w, int h, Look look) {
    VirtualMenu m = menu(w, h, look).type("1112");
    common(m, look);
    assertThat(m.row(0)).endsWith("Health check" + sep(look) + "Every 5 minutes");
    assertThat(m.text())
        .contains("Preview: nothing is written until you press a, then y.")
        .contains("Plan: watchdog-menu --root ")
        .contains("a apply", "Enter cancel");
    m.press(KeyType.End);
    assertThat(m.text()).contains("Same as the command:").contains("--health 5m");
  }

  @ParameterizedTest
  @MethodSource("looks")
  void logViewerWithoutALog(int w, int h, Look look) {
    VirtualMenu m = menu(w, h, look).type("117");
    common(m, look);
    assertThat(m.row(0)).endsWith("Health log");
    assertThat(m.text())
        .contains("The health log does not exist yet:")
        .contains("  /var/log/paqet-health-server.log")
        .contains("It is written by the first health check.")
        .contains("f follow", "/ find");
  }

  @ParameterizedTest
  @MethodSource("looks")
  void logViewerWithALog(int w, int h, Look look) throws IOException {
    Path log = dir.resolve("var/log/paqet-health-server.log");
    Files.createDirectories(log.getParent());
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= 300; i++) {
      b.append("[2026-11-22T10:00:00Z] line ").append(i).append('\n');
    }
    Files.writeString(log, b);
    VirtualMenu m = menu(w, h, look).type("117");
    common(m, look);
    assertThat(m.text()).contains("line 300 ").doesNotContain("line 100 ");
    m.press(KeyType.Home);
    assertThat(m.text()).contains("line 101 ").doesNotContain("line 100 ");
  }

  @ParameterizedTest
  @MethodSource("looks")
  void help(int w, int h, Look look) {
    VirtualMenu m = menu(w, h, look).type("?");
    common(m, look);
    assertThat(m.row(0)).endsWith("Help");
    assertThat(m.text()).contains("This screen: Systems", "The first screen: every system");
    StringBuilder pages = new StringBuilder(m.text());
    for (int i = 0; i < 6; i++) {
      pages.append(m.press(KeyType.PageDown).text());
    }
    assertThat(pages).contains("Esc          back one level", "q            quit");
  }

  @Test
  void aTerminalBelowTheMinimumGetsAMessageAndResizingRedraws() {
    VirtualMenu m = menu(50, 12, new Look(false, true));
    assertThat(m.text()).contains("Terminal too small:", "50x12, the menu needs 60x16.");
    m.type("1");
    assertThat(m.text()).contains("Terminal too small:");
    m.resize(80, 24);
    assertThat(m.text()).contains("1) Paqet tunnel").doesNotContain("too small");
    m.resize(59, 24);
    assertThat(m.text()).contains("59x24");
  }

  private static String sep(Look look) {
    return look.crumbSeparator();
  }
}
