package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.watchdogmenu.model.CronInterval;
import org.watchdogmenu.model.Durations;

/** The menu builds the schedule of a choice directly; the command line parses the same one. */
class ScheduleFromChoiceTest {

  @ParameterizedTest
  @CsvSource({
    "1m, 1m",
    "2m, 2m",
    "12m, 12m",
    "59m, 59m",
    "60m, 1h",
    "1h, 1h",
    "7h, 7h",
    "24h, 24h",
    "1440m, 24h",
    "1d, 24h"
  })
  void aDurationIsTheScheduleTheCommandLineParses(String every, String cli) {
    Schedule s = Schedule.every(Durations.parse(every));

    assertThat(s).isEqualTo(Schedule.parse(cli));
    assertThat(s.cliText()).isEqualTo(cli);
  }

  @ParameterizedTest
  @ValueSource(strings = {"90m", "30s", "25h", "2d", "0m", "61s"})
  void aDurationCronCannotRunIsRefusedInOneLine(String every) {
    Duration d = Durations.parse(every);

    assertThatThrownBy(() -> Schedule.every(d))
        .isInstanceOf(InstallException.class)
        .hasMessage(
            "every "
                + Durations.format(d)
                + " is not a cron schedule: write 1 to 59 minutes (5m) or 1 to 24 whole hours (2h)");
    assertThat(CronInterval.of(d)).isEmpty();
  }

  @Test
  void theCronRuleIsTheOneTheCommandLineApplies() {
    assertThat(
            Schedule.every(new CronInterval(CronInterval.MAX_MINUTES, CronInterval.Unit.MINUTES)))
        .isEqualTo(Schedule.parse("59m"));
    assertThat(Schedule.every(new CronInterval(CronInterval.MAX_HOURS, CronInterval.Unit.HOURS)))
        .isEqualTo(Schedule.parse("24h"));
    assertThatThrownBy(() -> Schedule.parse("60m")).hasMessageContaining("minutes must be 1 to 59");
    assertThatThrownBy(() -> Schedule.parse("25h")).hasMessageContaining("hours must be 1 to 24");
    assertThatThrownBy(() -> new CronInterval(60, CronInterval.Unit.MINUTES))
        .hasMessage("every 60 minutes: write 1 to 59 minutes (5m) or 1 to 24 whole hours (2h)");
  }

  @Test
  void timesOfDayAreTheScheduleTheCommandLineParses() {
    Schedule s =
        Schedule.dailyAt(List.of(LocalTime.of(8, 30), LocalTime.of(16, 30), LocalTime.of(0, 0)));

    assertThat(s).isEqualTo(Schedule.parse("08:30,16:30,00:00"));
    assertThat(s.words()).isEqualTo("Daily at 00:00, 08:30, 16:30");
  }
}
