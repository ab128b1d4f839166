package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.Sleeper;

/** With systemd running under the root: the exact commands apply and undo run, in order. */
class SystemdCommandsIT {
  @TempDir Path dir;
  private ToolsRealOthersScripted runner;
  private InstallTools installer;

  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(dir.resolve("run/systemd/system"));
    runner = new ToolsRealOthersScripted();
    installer =
        new InstallTools(
            new Host(new HostRoot(dir), runner, Clock.systemUTC(), Sleeper.SYSTEM, "root"));
  }

  @Test
  void theMonitorIsEnabledAfterItsFileAndDisabledBeforeUndoRemovesIt() {
    runner.scripted.expect("systemctl", "daemon-reload");
    runner.scripted.expect("systemctl", "enable", "--now", "watchdog-menu-monitor.service");
    ApplyResult applied =
        installer.applier().apply(installer.planner().monitor(), new Applier.Options(false));
    assertThat(applied.commandsOk()).isTrue();
    assertThat(applied.lines())
        .containsExactly(
            "wrote   /etc/systemd/system/watchdog-menu-monitor.service",
            "ran     systemctl daemon-reload",
            "ran     systemctl enable --now watchdog-menu-monitor.service");

    assertThat(dir.resolve("var/lib/watchdog-menu/manifest.json"))
        .content()
        .contains("\"argv\" : [ \"systemctl\", \"enable\"")
        .doesNotContain("display");

    runner.scripted.expect("systemctl", "disable", "--now", "watchdog-menu-monitor.service");
    runner.scripted.expect("systemctl", "daemon-reload");
    ApplyResult undone =
        installer.applier().apply(installer.planner().undo(), new Applier.Options(false));
    assertThat(undone.lines())
        .containsExactly(
            "ran     systemctl disable --now watchdog-menu-monitor.service",
            "removed /etc/systemd/system/watchdog-menu-monitor.service",
            "ran     systemctl daemon-reload");
    runner.scripted.verifyAllUsed();
    assertThat(dir.resolve("var/lib/watchdog-menu/manifest.json")).exists();
  }
}
