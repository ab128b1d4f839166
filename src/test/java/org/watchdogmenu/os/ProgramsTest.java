package org.watchdogmenu.os;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The line for a program that is missing names the Debian package that has it. */
class ProgramsTest {
  @Test
  void eachProgramTheToolRunsNamesItsPackage() {
    assertThat(Programs.missing("logrotate"))
        .isEqualTo("logrotate is not installed: apt-get install logrotate");
    assertThat(Programs.missing("visudo"))
        .isEqualTo("visudo is not installed: apt-get install sudo");
    assertThat(Programs.missing("systemd-analyze"))
        .isEqualTo("systemd-analyze is not installed: apt-get install systemd");
    assertThat(Programs.missing("crontab"))
        .isEqualTo("crontab is not installed: apt-get install cron");
    assertThat(Programs.missing("/usr/sbin/cron"))
        .isEqualTo("cron is not installed: apt-get install cron");
  }

  @Test
  void anUnknownProgramOrPathIsNamedWithoutAGuess() {
    assertThat(Programs.missing("frob")).isEqualTo("frob is not installed (it is not on PATH)");
    assertThat(Programs.missing("/opt/app/restart.sh"))
        .isEqualTo("/opt/app/restart.sh does not exist");
  }

  @Test
  void onlyAProgramNotFoundCountsAsMissing() {
    assertThat(
            CommandResult.notStarted("logrotate: error=2, No such file or directory")
                .programMissing())
        .isTrue();
    assertThat(CommandResult.notStarted("x: error=13, Permission denied").programMissing())
        .isFalse();
    assertThat(CommandResult.notStarted("working folder /nope does not exist").programMissing())
        .isFalse();
    assertThat(CommandResult.exited(127, "", "", java.time.Duration.ZERO).programMissing())
        .isFalse();
  }
}
