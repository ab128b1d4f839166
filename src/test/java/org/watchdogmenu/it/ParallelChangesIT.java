package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten {@code enable}/{@code disable} runs at the same moment, on different targets, all succeed:
 * each waits for the install lock and makes its plan under it, so none is refused because another
 * changed the installed files meanwhile, and the manifest records every one of them.
 */
class ParallelChangesIT {
  private static final int RUNS = 10;

  @TempDir Path dir;

  @Test
  void tenChangesAtOnceOnDifferentTargetsAllSucceedAndAreAllRecorded() throws Exception {
    Sandbox sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
    for (int i = 0; i < RUNS; i++) {
      sandbox.target(
          "par-" + i, "id: par-" + i + "\nservice: {kind: command, restart: [\"/bin/true\"]}\n");
    }

    List<String[]> enables = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      enables.add(new String[] {"enable", "par-" + i, "--health", "5m"});
    }
    runAllAtOnce(sandbox, enables, "enable");
    String manifest = Files.readString(sandbox.path("/var/lib/watchdog-menu/manifest.json"));
    String logrotate = Files.readString(sandbox.path("/etc/logrotate.d/watchdog-menu"));
    for (int i = 0; i < RUNS; i++) {
      assertThat(sandbox.path("/etc/cron.d/custom-health-par-" + i)).exists();
      assertThat(manifest).contains("/etc/cron.d/custom-health-par-" + i);
      assertThat(logrotate).as("every run planned from the one before").contains("par-" + i);
    }

    // half of them taken away, the other half given a scheduled restart, all at once
    List<String[]> mixed = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      mixed.add(
          i % 2 == 0
              ? new String[] {"disable", "par-" + i, "--health"}
              : new String[] {"enable", "par-" + i, "--restart", "1h"});
    }
    runAllAtOnce(sandbox, mixed, "mixed");
    for (int i = 0; i < RUNS; i++) {
      boolean odd = i % 2 == 1;
      assertThat(Files.exists(sandbox.path("/etc/cron.d/custom-health-par-" + i)))
          .as("health check of par-" + i)
          .isEqualTo(odd);
      assertThat(Files.exists(sandbox.path("/etc/cron.d/custom-restart-par-" + i)))
          .as("scheduled restart of par-" + i)
          .isEqualTo(odd);
    }
    Jar.Run doctor = Jar.run(sandbox.root, "doctor");
    assertThat(doctor.exit()).as(doctor.out() + doctor.err()).isZero();

    // the manifest holds every apply: uninstall finds every file of ours
    Jar.Run uninstall = Jar.run(sandbox.root, "uninstall");
    assertThat(uninstall.exit()).as(uninstall.out() + uninstall.err()).isZero();
    for (int i = 0; i < RUNS; i++) {
      assertThat(sandbox.path("/etc/cron.d/custom-health-par-" + i)).doesNotExist();
      assertThat(sandbox.path("/etc/cron.d/custom-restart-par-" + i)).doesNotExist();
    }
  }

  private void runAllAtOnce(Sandbox sandbox, List<String[]> commands, String name)
      throws Exception {
    List<Process> runs = new ArrayList<>();
    List<Path> outputs = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      Path out = dir.resolve(name + "-" + i + ".txt");
      outputs.add(out);
      runs.add(Jar.start(sandbox.root, out, commands.get(i)));
    }
    for (int i = 0; i < runs.size(); i++) {
      Process p = runs.get(i);
      assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
      Path out = outputs.get(i);
      String err = Files.readString(out.resolveSibling(out.getFileName() + ".err"));
      String what = String.join(" ", commands.get(i));
      assertThat(p.exitValue()).as(what + ":\n" + Files.readString(out) + err).isZero();
      assertThat(err).as(what).doesNotContain("changed since this plan was made");
    }
  }
}
