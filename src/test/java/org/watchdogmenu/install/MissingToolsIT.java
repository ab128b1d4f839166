package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.CommandRunner;
import org.watchdogmenu.os.ExecCommandRunner;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.Sleeper;

/**
 * A fresh server without logrotate, sudo or systemd's tools: every validator and command that
 * cannot start says which package to install, in one line, never the errno of the failed start.
 */
class MissingToolsIT {
  @TempDir Path dir;
  @TempDir Path emptyBin;
  private final Set<String> missing = new java.util.HashSet<>();
  private InstallTools installer;

  /** Runs the real programs, but those in {@code missing} from an empty folder: a real ENOENT. */
  private final CommandRunner runner =
      command -> {
        if (!missing.contains(command.program())) {
          return new ExecCommandRunner().run(command);
        }
        List<String> argv = new ArrayList<>(command.argv());
        argv.set(0, emptyBin.resolve(command.program()).toString());
        return new ExecCommandRunner()
            .run(new Command(argv, command.timeout(), command.workdir(), command.env()));
      };

  @BeforeEach
  void setUp() throws IOException {
    installer =
        new InstallTools(
            new Host(new HostRoot(dir), runner, Clock.systemUTC(), Sleeper.SYSTEM, "root"));
    Files.createDirectories(dir.resolve("etc/cron.d"));
    Files.writeString(dir.resolve("etc/passwd"), "operator:x:1001:1001::/home/operator:/bin/sh\n");
  }

  @Test
  void aHealthCheckWithoutLogrotateNamesThePackage() {
    missing.add("logrotate");
    Plan plan =
        installer
            .planner()
            .enable(SeedTargets.tunnel("paqet", "server"), Feature.HEALTH, Schedule.parse("5m"));

    assertThatThrownBy(() -> installer.applier().apply(plan, new Applier.Options(false)))
        .isInstanceOf(InstallException.class)
        .hasMessage(
            "nothing was written, 1 problem(s):\n"
                + "  /etc/logrotate.d/watchdog-menu: logrotate is not installed:"
                + " apt-get install logrotate");
    assertThat(dir.resolve("etc/cron.d/paqet-health-paqet-server")).doesNotExist();
  }

  @Test
  void aSudoersFileWithoutVisudoNamesSudo() {
    missing.add("visudo");
    Plan plan =
        installer
            .planner()
            .sudoers(
                new SudoersRequest(
                    "operator",
                    null,
                    List.of(),
                    List.of(SudoersRequest.command("/usr/bin/id -u"))));

    assertThatThrownBy(() -> installer.applier().apply(plan, new Applier.Options(false)))
        .hasMessage(
            "nothing was written, 1 problem(s):\n"
                + "  /etc/sudoers.d/watchdog-menu-operator: visudo is not installed:"
                + " apt-get install sudo");
  }

  @Test
  void aDropInWithoutSystemdAnalyzeNamesSystemd() {
    missing.add("systemd-analyze");
    Plan plan = installer.planner().restartPolicy("web.service");

    assertThatThrownBy(() -> installer.applier().apply(plan, new Applier.Options(false)))
        .hasMessage(
            "nothing was written, 2 problem(s):\n"
                + "  /etc/systemd/system/web.service.d/watchdog-menu.conf: systemd-analyze is not"
                + " installed: apt-get install systemd\n"
                + "  /etc/systemd/system/watchdog-menu-alert@.service: systemd-analyze is not"
                + " installed: apt-get install systemd");
  }

  @Test
  void aCommandThatCannotStartNamesItsPackage() throws IOException {
    Files.createDirectories(dir.resolve("run/systemd/system"));
    missing.add("systemctl");

    ApplyResult result =
        installer.applier().apply(installer.planner().monitor(), new Applier.Options(false));

    assertThat(result.commandsOk()).isFalse();
    assertThat(result.lines())
        .contains(
            "FAILED  systemctl daemon-reload: systemctl is not installed: apt-get install systemd");
  }

  @Test
  void doctorSaysTheValidatorOfAnInstalledFileIsMissing() {
    installer
        .applier()
        .apply(
            installer
                .planner()
                .enable(
                    SeedTargets.tunnel("paqet", "server"), Feature.HEALTH, Schedule.parse("5m")),
            new Applier.Options(false));
    missing.add("logrotate");

    assertThat(installer.doctor().check())
        .extracting(Doctor.Problem::toString)
        .containsExactly(
            "/etc/logrotate.d/watchdog-menu: fails validation: logrotate is not installed:"
                + " apt-get install logrotate");
  }

  @Test
  void aMissingProgramIsToldApartFromOneThatFailed() {
    CommandResult gone =
        new ExecCommandRunner()
            .run(Command.of(java.time.Duration.ofSeconds(5), emptyBin + "/logrotate", "-d"));
    assertThat(gone.programMissing()).isTrue();
    assertThat(org.watchdogmenu.os.Programs.describe("logrotate", gone))
        .isEqualTo("logrotate is not installed: apt-get install logrotate");

    CommandResult failed =
        new ExecCommandRunner().run(Command.of(java.time.Duration.ofSeconds(5), "false"));
    assertThat(failed.programMissing()).isFalse();
    assertThat(org.watchdogmenu.os.Programs.describe("false", failed)).isEqualTo("false exit 1");
  }
}
