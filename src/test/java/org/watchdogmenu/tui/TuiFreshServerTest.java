package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.Host;

/**
 * The menu on a fresh server: the first screen says when cron does not run (no schedule would
 * fire), and an apply that fails because a validator is missing shows the whole reason.
 */
class TuiFreshServerTest {
  private static final Look LOOK = new Look(false, true);

  @TempDir Path dir;

  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(dir.resolve("etc/cron.d"));
    // the sandbox's own /proc, so the machine's processes do not decide what the menu shows
    Files.createDirectories(dir.resolve("proc"));
  }

  private void cronProcess(long pid) throws IOException {
    Path p = Files.createDirectories(dir.resolve("proc/" + pid));
    Files.writeString(p.resolve("comm"), "cron\n");
  }

  /**
   * The screen's text inside the box, rows joined and spaces collapsed: wrapped lines read whole.
   */
  private static String flat(VirtualMenu m) {
    StringBuilder b = new StringBuilder();
    for (String row : m.text().split("\n")) {
      b.append(row.replaceAll("^[│|]\\s?", "").replaceAll("\\s?[│|]$", "")).append(' ');
    }
    return b.toString().replaceAll("\\s+", " ");
  }

  @Test
  void theFirstScreenSaysWhenCronDoesNotRun() throws IOException {
    VirtualMenu m = new VirtualMenu(VirtualMenu.sandbox(dir), 80, 24, LOOK);

    assertThat(flat(m))
        .contains("cron is not running: no schedule will fire; start it with service cron start");
    assertThat(m.colorOf("cron is not running"))
        .isEqualTo(com.googlecode.lanterna.TextColor.ANSI.YELLOW);
    assertThat(m.text()).contains("1) Paqet tunnel", "m) Continuous monitor and alerts");
  }

  @Test
  void underSystemdItSaysSystemctl() throws IOException {
    Files.createDirectories(dir.resolve("run/systemd/system"));
    VirtualMenu m = new VirtualMenu(VirtualMenu.sandbox(dir), 120, 30, LOOK);

    assertThat(m.text())
        .contains("cron is not running: no schedule will fire; start it with systemctl start cron");
  }

  @Test
  void aRunningCronIsNotMentioned() throws IOException {
    cronProcess(812);
    Files.writeString(Files.createDirectories(dir.resolve("run")).resolve("crond.pid"), "812\n");
    VirtualMenu m = new VirtualMenu(VirtualMenu.sandbox(dir), 80, 24, LOOK);

    assertThat(m.text()).doesNotContain("cron is not");
  }

  @Test
  void anApplyThatFailsForAMissingValidatorShowsTheWholeLine() throws IOException {
    cronProcess(812);
    Host host =
        VirtualMenu.sandbox(dir, new ExactCommands().noServiceManager().missing("logrotate"));
    VirtualMenu m = new VirtualMenu(host, 60, 16, LOOK).type("1112");
    assertThat(m.loop.top()).isInstanceOf(PlanView.class);

    m.type("ay");

    assertThat(m.loop.top()).isInstanceOf(TextView.class);
    assertThat(flat(m))
        .contains("Not applied: nothing was written, 1 problem(s):")
        .contains(
            "/etc/logrotate.d/watchdog-menu: logrotate is not installed: apt-get install"
                + " logrotate")
        .doesNotContain("error=2");
    assertThat(dir.resolve("etc/cron.d/paqet-health-paqet-server")).doesNotExist();
    m.press(com.googlecode.lanterna.input.KeyType.Enter);
    assertThat(m.loop.top()).isInstanceOf(PlanView.class);
  }
}
