package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.Owners;

/**
 * Cron's shell appends the engine's start-up errors with {@code 2>>}, as root and following links:
 * never into a folder another account can change.
 */
class CronStartErrorsTest {
  @TempDir Path dir;

  @Test
  void aLogInRootsFolderTakesTheStartUpErrorsToo() {
    FileWrite w =
        new CronRenderer(new HostRoot(dir))
            .render(SeedTargets.tunnel("paqet", "server"), Feature.HEALTH, Schedule.parse("5m"));
    String log = dir.resolve("var/log/paqet-health-server.log").toString();
    assertThat(w.text()).contains(" >/dev/null 2>>" + log + "\n").contains("appended there too");
  }

  @Test
  void aLogInAnAccountsFolderLeavesTheStartUpErrorsToRootsOwnLog() throws Exception {
    assumeTrue(Owners.euid() == 0, "needs root to give a folder to another account");
    Path home = Files.createDirectories(dir.resolve("home/satinder"));
    Files.setAttribute(home, "unix:uid", 65534);
    FileWrite w =
        new CronRenderer(new HostRoot(dir))
            .render(SeedTargets.camera(), Feature.HEALTH, Schedule.parse("12m"));
    String own = dir.resolve("var/log/watchdog-menu.log").toString();
    assertThat(w.text())
        .contains(" >/dev/null 2>>" + own + "\n")
        .contains("start-up errors go to " + own)
        .doesNotContain("2>>" + dir.resolve("home"));
    assertThat(w.logs()).contains(own);
  }
}
