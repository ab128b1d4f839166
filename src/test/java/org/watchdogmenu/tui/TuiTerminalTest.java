package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the menu refuses to start, how it chooses borders and colours, and the apply gate. */
class TuiTerminalTest {
  @Test
  void noConsoleOrADumbTerminalGetsOneLineNamingTheCommands() {
    assertThat(TerminalCheck.refusal(false, "xterm").orElseThrow())
        .contains("the menu needs a terminal", "ssh without -t", "watchdog-menu status");
    assertThat(TerminalCheck.refusal(true, "dumb").orElseThrow())
        .contains("TERM=dumb", "watchdog-menu status")
        .doesNotContain("\n");
    assertThat(TerminalCheck.refusal(true, null).orElseThrow()).contains("TERM=(unset)");
    assertThat(TerminalCheck.refusal(true, "xterm-256color")).isEmpty();
    assertThat(TerminalCheck.refusal(true, "screen")).isEmpty();
  }

  @Test
  void asciiUnlessTheLocaleIsUtf8AndColourUnlessNoColor() {
    assertThat(Look.of(false, false, Map.of("LANG", "en_US.UTF-8")))
        .isEqualTo(new Look(false, true));
    assertThat(Look.of(false, false, Map.of("LC_ALL", "C.utf8", "LANG", "C")))
        .isEqualTo(new Look(false, true));
    assertThat(Look.of(false, false, Map.of("LANG", "C"))).isEqualTo(new Look(true, true));
    assertThat(Look.of(false, false, Map.of())).isEqualTo(new Look(true, true));
    assertThat(Look.of(true, false, Map.of("LANG", "C.UTF-8"))).isEqualTo(new Look(true, true));
    assertThat(Look.of(false, true, Map.of("LANG", "C.UTF-8"))).isEqualTo(new Look(false, false));
    assertThat(Look.of(false, false, Map.of("LANG", "C.UTF-8", "NO_COLOR", "1")))
        .isEqualTo(new Look(false, false));
    assertThat(new Look(true, false).fit("Paqet › Server — ok…", 80))
        .isEqualTo("Paqet > Server - ok...");
  }
}
