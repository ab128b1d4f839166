package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.engine.Pause;
import org.watchdogmenu.engine.Pauses;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;

/**
 * A paused target in the menu: the first and roles screens say {@code paused 25m} in yellow, the
 * target screen says until when, why and how to end it, and all of it goes away by itself when the
 * pause ends.
 */
class TuiPauseTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(NOW);
  private final ExactCommands systemd = new ExactCommands().noServiceManager();

  private VirtualMenu menu() throws InterruptedException {
    Host host = new Host(new HostRoot(dir), systemd, clock, clock, "root");
    VirtualMenu m = new VirtualMenu(host, 80, 24, new Look(false, true));
    return settled(m);
  }

  private static VirtualMenu settled(VirtualMenu m) {
    m.settle();
    m.tick();
    return m;
  }

  private static String row(VirtualMenu m, String label) {
    for (String r : m.text().split("\n")) {
      if (r.contains(label)) {
        return r;
      }
    }
    throw new AssertionError("'" + label + "' is not on the screen:\n" + m.text());
  }

  @Test
  void aPausedTargetSaysSoInYellowUntilThePauseEnds() throws Exception {
    systemd.unit("paqet-server", "active", "running", NOW.minusSeconds(3600).getEpochSecond());
    systemd.unit("paqet-client", "active", "running", NOW.minusSeconds(3600).getEpochSecond());
    new Pauses(new HostRoot(dir))
        .start("paqet-server", new Pause(NOW, NOW.plus(Duration.ofMinutes(25)), "deploy"));

    VirtualMenu m = menu();
    assertThat(row(m, "1) Paqet tunnel")).contains("[1/2 paused, never checked, running");
    assertThat(m.colorOf("[1/2 paused")).isEqualTo(TextColor.ANSI.YELLOW);

    settled(m.type("1"));
    assertThat(row(m, "1) Server")).contains("[paused 25m, never checked, running");
    assertThat(m.colorOf("[paused 25m")).isEqualTo(TextColor.ANSI.YELLOW);
    assertThat(row(m, "2) Client")).contains("[never checked, running");

    m.session.zone(ZoneId.of("Asia/Tehran"));
    settled(m.type("1"));
    assertThat(m.text().replaceAll("\\s*│\\s*\n│\\s*", " "))
        .contains(
            "Paused until 15:55:00 (in 25m): deploy. Restarts and alerts are held; watchdog-menu"
                + " resume paqet-server ends it.");
    assertThat(m.colorOf("Paused until")).isEqualTo(TextColor.ANSI.YELLOW);

    clock.advance(Duration.ofMinutes(25));
    assertThat(m.tick()).isTrue();
    assertThat(m.text()).doesNotContain("Paused until");
  }
}
