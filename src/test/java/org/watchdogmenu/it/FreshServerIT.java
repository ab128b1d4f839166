package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a fresh server without logrotate, sudo or a running cron gets from the jar: one line that
 * names the package to install or the daemon to start, never an errno.
 */
class FreshServerIT {
  /** A PATH without /usr/sbin: no logrotate, no visudo, no cron (java is in /usr/bin). */
  private static final Map<String, String> NO_SBIN = Map.of("PATH", "/usr/bin:/bin");

  @TempDir Path dir;
  private Sandbox sandbox;

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
    Files.createDirectories(sandbox.path("/etc/cron.d"));
    Files.writeString(
        sandbox.path("/etc/passwd"), "operator:x:1001:1001::/home/operator:/bin/sh\n");
  }

  @Test
  void aHealthCheckWithoutLogrotateSaysWhichPackageToInstall() throws Exception {
    Jar.Run enable = Jar.run(sandbox.root, NO_SBIN, "enable", "paqet-server", "--health", "5m");

    assertThat(enable.exit()).as(enable.out() + enable.err()).isEqualTo(1);
    assertThat(enable.err())
        .isEqualTo(
            "Not applied: nothing was written, 1 problem(s):\n"
                + "  /etc/logrotate.d/watchdog-menu: logrotate is not installed:"
                + " apt-get install logrotate\n");
    assertThat(sandbox.path("/etc/cron.d/paqet-health-paqet-server")).doesNotExist();
  }

  @Test
  void aSudoersGrantWithoutSudoSaysWhichPackageToInstall() throws Exception {
    Jar.Run grant =
        Jar.run(sandbox.root, NO_SBIN, "sudoers", "operator", "--command", "/usr/bin/id -u");

    assertThat(grant.exit()).as(grant.out() + grant.err()).isEqualTo(1);
    assertThat(grant.err())
        .contains(
            "/etc/sudoers.d/watchdog-menu-operator: visudo is not installed:"
                + " apt-get install sudo")
        .doesNotContain("error=");
  }

  @Test
  void doctorNamesEachFileItCheckedAndWhetherCronRuns() throws Exception {
    Jar.Run enable = Jar.run(sandbox.root, "enable", "paqet-server", "--health", "5m");
    assertThat(enable.exit()).as(enable.out() + enable.err()).isZero();
    // the sandbox's own /proc: a cron daemon with pid 4242
    Files.createDirectories(sandbox.path("/proc/4242"));
    Files.writeString(sandbox.path("/proc/4242/comm"), "cron\n");

    Jar.Run doctor = Jar.run(sandbox.root, "doctor");

    assertThat(doctor.exit()).as(doctor.out() + doctor.err()).isZero();
    assertThat(doctor.out().lines())
        .containsExactly(
            "cron: ok, running (pid 4242)",
            "/etc/cron.d/paqet-health-paqet-server: ok, as written; passes cron's rules",
            "/etc/logrotate.d/watchdog-menu: ok, as written; passes logrotate -d",
            "Every installed file is in place and passes its checks; every settings file loads,"
                + " and only root can change the programs root runs.");

    Files.delete(sandbox.path("/proc/4242/comm"));
    Jar.Run noCron = Jar.run(sandbox.root, NO_SBIN, "doctor");
    assertThat(noCron.out().lines())
        .contains(
            "cron: cron is not running: no schedule will fire; start it with service cron start"
                + " (not counted: the machine's cron does not run the schedules under --root)",
            "/etc/logrotate.d/watchdog-menu: fails validation: logrotate is not installed:"
                + " apt-get install logrotate")
        .last()
        .isEqualTo("1 problem(s): see the lines above.");
    assertThat(noCron.exit()).isEqualTo(1);
  }
}
