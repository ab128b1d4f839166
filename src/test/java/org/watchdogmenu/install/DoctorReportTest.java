package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.CronDaemon;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;

/** {@code doctor}'s report: every file it checked with its verdict, and the cron daemon first. */
class DoctorReportTest {
  private final MutableClock clock = MutableClock.at("2026-12-01T12:00:00Z");
  @TempDir Path dir;
  private Host host;
  private InstallTools installer;

  @BeforeEach
  void setUp() throws IOException {
    host = new Host(new HostRoot(dir), new ScriptedCommandRunner(), clock, clock, "root");
    installer = new InstallTools(host);
    Files.createDirectories(dir.resolve("etc/cron.d"));
  }

  private static Doctor.CronCheck cron(CronDaemon.State state, boolean matters) {
    return new Doctor.CronCheck() {
      @Override
      public CronDaemon daemon() {
        return new CronDaemon(state, state == CronDaemon.State.RUNNING ? 812 : 0, true);
      }

      @Override
      public boolean matters() {
        return matters;
      }
    };
  }

  @Test
  void cronThatDoesNotRunIsAProblemOnTheMachinesOwnRoot() {
    Doctor.Report report =
        new Doctor(host, host.root(), cron(CronDaemon.State.NOT_RUNNING, true)).report();

    assertThat(report.problems()).isEqualTo(1);
    assertThat(report.verdicts())
        .extracting(Doctor.Verdict::toString)
        .containsExactly(
            "cron: cron is not running: no schedule will fire; start it with systemctl start cron",
            "/var/lib/watchdog-menu/manifest.json: no file installed by watchdog-menu is on record");
  }

  @Test
  void underASandboxRootTheMachinesCronIsNamedButNotCounted() {
    Doctor.Report report =
        new Doctor(host, host.root(), cron(CronDaemon.State.NOT_INSTALLED, false)).report();

    assertThat(report.healthy()).isTrue();
    assertThat(report.verdicts().get(0).words())
        .startsWith("cron is not installed: no schedule will fire; apt-get install cron")
        .endsWith("(not counted: the machine's cron does not run the schedules under --root)");
  }
}
