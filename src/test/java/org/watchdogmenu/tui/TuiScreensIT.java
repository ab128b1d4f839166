package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;

/** Every screen drawn headless at 80x24 and at the smallest size, in colour and in ASCII. */
class TuiScreensIT {
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
    return new VirtualMenu(RealValidators.sandbox(dir), w, h, look);
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

  @Test
  void stateIsCyanInColourAndWordsAloneWithoutColour() throws IOException {
    Files.createDirectories(dir.resolve("etc/cron.d"));
    VirtualMenu colour = menu(80, 24, new Look(false, true)).type("1112ay");
    assertThat(colour.text()).contains("1) Health check (auto-restart)", "[Every 5 minutes]");
    assertThat(colour.colorOf("[Every 5 minutes]")).isEqualTo(TextColor.ANSI.CYAN);
    VirtualMenu plain = menu(80, 24, new Look(true, false)).type("11");
    assertThat(plain.text()).contains("[Every 5 minutes]");
    assertThat(plain.colorOf("[Every 5 minutes]")).isEqualTo(TextColor.ANSI.DEFAULT);
  }

  private static String sep(Look look) {
    return look.crumbSeparator();
  }
}
