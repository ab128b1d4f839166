package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;

/** With systemd running under the root: the exact commands apply and undo run, in order. */
class SystemdCommandsTest {
  private final MutableClock clock = MutableClock.at("2026-12-01T12:00:00Z");
  @TempDir Path dir;
  private ScriptedCommandRunner scripted;
  private InstallTools installer;

  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(dir.resolve("run/systemd/system"));
    scripted = new ScriptedCommandRunner();
    installer = new InstallTools(new Host(new HostRoot(dir), scripted, clock, clock, "root"));
  }

  @Test
  void theMonitorPlanSaysWhenTheLauncherIsNotInstalled() {
    // either way round: CI runs the tests with watchdog-menu installed, a bare machine without
    if (Files.isExecutable(Path.of(InstallPaths.BIN))) {
      assertThat(installer.planner().monitor().warnings())
          .noneMatch(w -> w.contains("verified with /bin/true"));
    } else {
      assertThat(installer.planner().monitor().warnings())
          .anyMatch(w -> w.contains("verified with /bin/true"));
    }
  }

  @Test
  void pm2StartupGetsAnExplicitUserAndHome() {
    Plan plan =
        installer
            .planner()
            .pm2Housekeeping(
                Pm2Housekeeping.seed002(
                    "ubuntu", "/home/ubuntu", "/home/ubuntu/Amexing/amexing-web"));
    assertThat(plan.commands())
        .extracting(PlanCommand::argv)
        .containsExactly(
            List.of("pm2", "startup", "systemd", "-u", "ubuntu", "--hp", "/home/ubuntu"));
    assertThat(plan.commands().get(0).undo())
        .containsExactly("pm2", "unstartup", "systemd", "-u", "ubuntu", "--hp", "/home/ubuntu");
  }

  @Test
  void aUserUnitIsReloadedAndEnabledInTheUsersManagerAfterLinger() {
    Plan plan =
        installer
            .planner()
            .userUnit(
                new UserUnitRequest(
                    "camera-platform.service",
                    "satinder",
                    "/home/satinder",
                    "Camera",
                    List.of("network.target"),
                    List.of(),
                    "/home/satinder/camera-platform-local",
                    List.of(
                        "/bin/bash",
                        "/home/satinder/camera-platform-local/scripts/managed_start.sh",
                        "start"),
                    List.of(
                        "/bin/bash",
                        "/home/satinder/camera-platform-local/scripts/managed_start.sh",
                        "stop")));
    assertThat(plan.commands())
        .extracting(PlanCommand::display)
        .containsExactly(
            "systemctl --user --machine=satinder@ daemon-reload",
            "systemctl --user --machine=satinder@ enable camera-platform.service",
            "loginctl enable-linger satinder");
    assertThat(plan.writes())
        .extracting(FileWrite::path)
        .containsExactly("/home/satinder/.config/systemd/user/camera-platform.service");
  }

  @Test
  void aRestartPolicyReloadsSystemd() {
    Plan plan = installer.planner().restartPolicy("mingus-backend");
    assertThat(plan.writes())
        .extracting(FileWrite::path)
        .containsExactly(
            "/etc/systemd/system/mingus-backend.service.d/watchdog-menu.conf",
            "/etc/systemd/system/watchdog-menu-alert@.service");
    assertThat(plan.commands())
        .extracting(PlanCommand::display)
        .containsExactly("systemctl daemon-reload");
    assertThat(plan.warnings()).singleElement().asString().contains("not installed here");
  }
}
