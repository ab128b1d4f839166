package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.CronDaemon;
import org.watchdogmenu.os.ExecCommandRunner;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.Sleeper;

/** {@code doctor}'s report: every file it checked with its verdict, and the cron daemon first. */
class DoctorReportIT {
  @TempDir Path dir;
  private Host host;
  private InstallTools installer;

  @BeforeEach
  void setUp() throws IOException {
    host =
        new Host(
            new HostRoot(dir), new ExecCommandRunner(), Clock.systemUTC(), Sleeper.SYSTEM, "root");
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
  void eachFileCheckedIsListedWithItsVerdict() throws IOException {
    installer
        .applier()
        .apply(
            installer
                .planner()
                .enable(
                    SeedTargets.tunnel("paqet", "server"), Feature.HEALTH, Schedule.parse("5m")),
            new Applier.Options(false));
    Path site = dir.resolve("etc/watchdog-menu/targets/web.yaml");
    Files.createDirectories(site.getParent());
    Files.writeString(site, "id: web\nservice: {kind: systemd, unit: web.service}\n");

    Doctor.Report report =
        new Doctor(host, host.root(), cron(CronDaemon.State.RUNNING, true)).report();

    assertThat(report.verdicts())
        .extracting(Doctor.Verdict::toString)
        .containsExactly(
            "cron: ok, running (pid 812)",
            "/etc/cron.d/paqet-health-paqet-server: ok, as written; passes cron's rules",
            "/etc/logrotate.d/watchdog-menu: ok, as written; passes logrotate -d",
            "/etc/watchdog-menu/targets/web.yaml: ok, loads and only root can change it");
    assertThat(report.healthy()).isTrue();
  }
}
