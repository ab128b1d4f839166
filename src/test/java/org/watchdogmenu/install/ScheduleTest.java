package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleTest {

  @ParameterizedTest(name = "{0} -> {1} / {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // seed 003 health choices, seed 000's 12 minutes, seed 004's 5 minutes
        "2m | */2 * * * * | Every 2 minutes",
        "5m | */5 * * * * | Every 5 minutes",
        "10m | */10 * * * * | Every 10 minutes",
        "12m | */12 * * * * | Every 12 minutes",
        "1m | * * * * * | Every 1 minute",
        // seed 003 restart choices
        "30m | */30 * * * * | Every 30 minutes",
        "1h | 0 * * * * | Every 1 hour",
        "2h | 0 */2 * * * | Every 2 hours",
        "4h | 0 */4 * * * | Every 4 hours",
        "6h | 0 */6 * * * | Every 6 hours",
        "12h | 0 */12 * * * | Every 12 hours",
        "24h | @daily | Every 24 hours",
        // seed 000's fixed times, in any order
        "08:00,16:00,00:00 | 0 0,8,16 * * * | Daily at 00:00, 08:00, 16:00",
        "00:00 | 0 0 * * * | Daily at 00:00",
        "8:30,20:30 | 30 8,20 * * * | Daily at 08:30, 20:30",
        // any times of day: one line per set of minutes that run at the same hours
        "08:30,16:30,00:00 | 0 0 * * *; 30 8,16 * * * | Daily at 00:00, 08:30, 16:30",
        "08:00,08:30,16:00,16:30 | 0,30 8,16 * * * | Daily at 08:00, 08:30, 16:00, 16:30",
        "23:59,00:01 | 1 0 * * *; 59 23 * * * | Daily at 00:01, 23:59",
      })
  void parsesRendersAndReadsBack(String cli, String cron, String words) {
    Schedule s = Schedule.parse(cli);
    assertThat(s.cron()).isEqualTo(cron);
    assertThat(s.cronLines()).isEqualTo(List.of(cron.split("; ")));
    assertThat(s.words()).isEqualTo(words);
    assertThat(Schedule.fromCron(s.cronLines())).contains(s);
    assertThat(Schedule.parse(s.cliText())).isEqualTo(s);
    assertThat(s.note()).isEmpty();
  }

  @Test
  void unevenIntervalsAreAllowedAndSaySo() {
    Schedule seven = Schedule.parse("7m");
    assertThat(seven.cron()).isEqualTo("*/7 * * * *");
    assertThat(seven.note())
        .hasValueSatisfying(n -> assertThat(n).contains(":00, :07, ... :56").contains("4 minutes"));
    assertThat(Schedule.parse("5h").note())
        .hasValueSatisfying(n -> assertThat(n).contains("20:00").contains("4 hours later"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "5",
        "5 m",
        "5m;rm -rf /",
        "5m\n* * * * * root id",
        "0m",
        "60m",
        "0h",
        "25h",
        "-5m",
        "24:00",
        "08:60",
        "08:00,,16:00",
        "../5m",
        "$(id)",
        "08:00\n",
        "5M",
        "1d"
      })
  void rejectsAnythingElseInOneLine(String text) {
    assertThatThrownBy(() -> Schedule.parse(text))
        .isInstanceOf(InstallException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void timesWithDifferentMinutesNeedNoSharedMinute() {
    Schedule s = Schedule.parse("08:30,16:00");
    assertThat(s).isInstanceOf(Schedule.DailyAt.class);
    assertThat(s.cronLines()).containsExactly("0 16 * * *", "30 8 * * *");
    assertThat(s.cliText()).isEqualTo("08:30,16:00");
    assertThat(s.note()).isEmpty();
    // seven times, four sets of minutes: cron gets four lines, no time twice, none lost
    Schedule many = Schedule.parse("00:00,06:15,06:45,12:15,12:45,18:00,18:30");
    assertThat(many.cronLines()).containsExactly("0 0,18 * * *", "15,45 6,12 * * *", "30 18 * * *");
  }

  @Test
  void severalLinesReadBackOnlyAsThisToolWritesThem() {
    assertThat(Schedule.fromCron(List.of("0 0 * * *", "30 8,16 * * *")))
        .contains(Schedule.parse("00:00,08:30,16:30"));
    // another order, a time twice, a line that is not a time of day: not one of ours
    assertThat(Schedule.fromCron(List.of("30 8,16 * * *", "0 0 * * *"))).isEmpty();
    assertThat(Schedule.fromCron(List.of("0 0 * * *", "0 0,8 * * *"))).isEmpty();
    assertThat(Schedule.fromCron(List.of("0 0 * * *", "*/5 * * * *"))).isEmpty();
    assertThat(Schedule.fromCron(List.of("0 0 * * *", "30 8 * * *", "30 16 * * *"))).isEmpty();
    assertThat(Schedule.fromCron(List.of())).isEmpty();
    assertThat(Schedule.fromCron(List.of("0,30 8,16 * * *")))
        .contains(Schedule.parse("08:00,08:30,16:00,16:30"));
  }

  @Test
  void cronLinesItDidNotWriteAreNotSchedules() {
    assertThat(Schedule.fromCron("*/7 * * * *")).contains(new Schedule.EveryMinutes(7));
    assertThat(Schedule.fromCron("*/5 * * * 1-5")).isEmpty();
    assertThat(Schedule.fromCron("15 */2 * * *")).isEmpty();
    assertThat(Schedule.fromCron("0 8,0 * * *")).isEmpty();
    assertThat(Schedule.fromCron("@hourly")).isEmpty();
  }
}
