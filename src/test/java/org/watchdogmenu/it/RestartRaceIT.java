package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Twenty cron runs at the same moment restart a target exactly once. */
class RestartRaceIT {
  private static final int RUNS = 20;

  @TempDir Path dir;

  @Test
  void twentySimultaneousCronRestartsGiveExactlyOneRestart() throws Exception {
    Sandbox sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
    Path restarts = dir.resolve("restarts.txt");
    sandbox.target(
        "race",
        "id: race\nservice:\n  kind: command\n  restart: [\"/bin/sh\", \"-c\", \"echo restarted >> "
            + restarts
            + "; sleep 0.3\"]\npolicy: {lock_timeout: 60s}\n");
    List<Process> runs = new ArrayList<>();
    List<Path> outputs = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      Path out = dir.resolve("run-" + i + ".txt");
      outputs.add(out);
      runs.add(Jar.start(sandbox.root, out, "restart", "race", "--source", "cron"));
    }
    int restarted = 0;
    int skipped = 0;
    for (Process p : runs) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      if (p.exitValue() == 0) {
        restarted++;
      } else if (p.exitValue() == 1) {
        skipped++;
      }
    }
    assertThat(restarted).isEqualTo(1);
    assertThat(skipped).isEqualTo(RUNS - 1);
    assertThat(Files.readAllLines(restarts)).containsExactly("restarted");
    assertThat(Files.readAllLines(sandbox.path("/var/lib/watchdog-menu/state/race.txt")))
        .singleElement()
        .asString()
        .matches("\\d{10} cron");
    String log = Files.readString(sandbox.path("/var/log/race-cron.log"));
    assertThat(log.lines().filter(l -> l.contains("=== Cron Restart Triggered: race ===")).count())
        .isEqualTo(RUNS);
    assertThat(log.lines().filter(l -> l.contains("Restart SKIPPED: cooldown active")).count())
        .isEqualTo(RUNS - 1);
    assertThat(
            log.lines()
                .filter(
                    l ->
                        l.contains(
                            "=== Cron Restart Complete: Restart skipped (protection active) ==="))
                .count())
        .isEqualTo(RUNS - 1);
    assertThat(
            log.lines()
                .filter(l -> l.contains("=== Cron Restart Complete: Service restarted ==="))
                .count())
        .isEqualTo(1);
    for (Path out : outputs) {
      assertThat(Files.readString(out.resolveSibling(out.getFileName() + ".err"))).isEmpty();
    }
  }
}
