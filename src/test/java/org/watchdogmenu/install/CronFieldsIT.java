package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.ExecCommandRunner;

/**
 * The cron validator reads time fields the way the real cron does: for each schedule, its verdict
 * is the one of {@code crontab -n} (Debian cron's own parser, run on a copy without the user
 * field).
 */
class CronFieldsIT {
  private static final List<String> SCHEDULES =
      List.of(
          "*/5 * * * *",
          "0 0,8,16 * * *",
          "30 8,16 * * *",
          "59 23 31 12 7",
          "0 0 * JAN,feb SUN",
          "0 0 * * mon-fri/2",
          "0 0 * jan-dec/3 *",
          "00 01 * * *",
          "*/5,7 * * * *",
          "1-5/2,30 * * * *",
          "* * * * 0-7",
          "*/60 * * * *",
          "61 * * * *",
          "0 25 * * *",
          "*/x * * * *",
          "5/10 * * * *",
          "*/0 * * * *",
          "1- * * * *",
          "1,,2 * * * *",
          "0 0 0 * *",
          "0 0 32 * *",
          "0 0 * 13 *",
          "0 0 * * 8",
          "-1 * * * *",
          "0 0 ? * *",
          "0x1 * * * *",
          "0 0 * * funday");

  @TempDir Path dir;

  @Test
  void everyVerdictIsTheOneOfCrontab() throws Exception {
    ExecCommandRunner runner = new ExecCommandRunner();
    for (String schedule : SCHEDULES) {
      Path copy = dir.resolve("crontab");
      Files.writeString(copy, schedule + " /bin/true\n");
      CommandResult real =
          runner.run(Command.of(Duration.ofSeconds(10), "crontab", "-n", copy.toString()));
      String cronD = "MAILTO=\"\"\n" + schedule + " root /bin/true\n";
      List<String> ours =
          new CronValidator()
              .check(
                  new FileWrite(
                      "/etc/cron.d/x",
                      cronD.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                      FileKind.CRON,
                      "0644",
                      "root",
                      "root",
                      FeatureKey.scheduled("x", Feature.HEALTH),
                      List.of(),
                      false));
      assertThat(ours.isEmpty())
          .as(schedule + ": crontab -n says " + real.summary() + "; we say " + ours)
          .isEqualTo(real.succeeded());
    }
  }
}
