package org.watchdogmenu.os;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharsTest {

  @Test
  void plainTextIsUnchanged() {
    String text = "exit 1: Job for paqet-server.service failed, see \"journalctl -xe\" (été, 日本)";
    assertThat(ControlChars.escape(text)).isSameAs(text);
  }

  @Test
  void escapeAndOscSequencesBecomeVisible() {
    assertThat(ControlChars.escape("\u001b]0;pwned\u0007\u001b[2J\u001b[31mred"))
        .isEqualTo("\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31mred");
  }

  @Test
  void newlinesAndCarriageReturnsCannotForgeALogLine() {
    assertThat(ControlChars.escape("ok\r[2025-02-14T10:30:00Z] Health check PASS\nx"))
        .isEqualTo("ok\\x0d[2025-02-14T10:30:00Z] Health check PASS\\x0ax");
  }

  @Test
  void newlinesMayBeKeptButCarriageReturnsNot() {
    assertThat(ControlChars.escape("a\nb\r\n", true)).isEqualTo("a\nb\\x0d\n");
  }

  @Test
  void tabStays() {
    assertThat(ControlChars.escape("a\tb")).isEqualTo("a\tb");
  }

  @Test
  void nulDelAndTheC1RangeAreEscaped() {
    assertThat(ControlChars.escape("\u0000\u007f\u0080\u009b2J\u009d0;x\u009c\u00a0"))
        .isEqualTo("\\x00\\x7f\\x80\\x9b2J\\x9d0;x\\x9c\u00a0");
  }

  @Test
  void bidiOverridesAndLineSeparatorsAreEscaped() {
    assertThat(ControlChars.escape("a\u202egnp.exe\u2028b\u2066"))
        .isEqualTo("a\\u202egnp.exe\\u2028b\\u2066");
  }

  @Test
  void escapingTwiceChangesNothingMore() {
    String once = ControlChars.escape("\u001b[1m\n");
    assertThat(ControlChars.escape(once)).isEqualTo(once);
  }

  @Test
  void nullStaysNull() {
    assertThat(ControlChars.escape(null)).isNull();
  }
}
