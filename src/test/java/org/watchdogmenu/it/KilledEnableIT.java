package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code enable} killed with SIGKILL at random moments, again and again, in a sandbox root: after
 * each kill the next {@code enable} or {@code disable} converges. The manifest and the files agree
 * (every cron or logrotate file there is recorded), and {@code disable} removes everything.
 */
class KilledEnableIT {
  private static final String CRON = "/etc/cron.d/paqet-health-paqet-server";
  private static final String LOGROTATE = "/etc/logrotate.d/watchdog-menu";
  private static final int RUNS = 40;

  @TempDir Path dir;
  private Sandbox sandbox;

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
    Files.createDirectories(sandbox.path("/etc/cron.d"));
    Files.createDirectories(sandbox.path("/etc/logrotate.d"));
  }

  /** Every file (dot-named temp files too) in the folders enable writes to. */
  private List<String> ourFolders() throws Exception {
    try (Stream<Path> cron = Files.list(sandbox.path("/etc/cron.d"));
        Stream<Path> rotate = Files.list(sandbox.path("/etc/logrotate.d"))) {
      return Stream.concat(cron, rotate).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private String manifest() throws Exception {
    Path m = sandbox.path("/var/lib/watchdog-menu/manifest.json");
    return Files.exists(m) ? Files.readString(m) : "";
  }

  private static void ok(Jar.Run run) {
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
  }

  @Test
  void enableKilledAnywhereConvergesOnTheNextRun() throws Exception {
    long started = System.nanoTime();
    ok(Jar.run(sandbox.root, "enable", "paqet-server", "--health", "5m"));
    long full = (System.nanoTime() - started) / 1_000_000;
    ok(Jar.run(sandbox.root, "disable", "paqet-server", "--health"));
    assertThat(ourFolders()).isEmpty();

    Random random = new Random();
    int killed = 0;
    for (int i = 0; i < RUNS; i++) {
      // most of a run is the JVM starting and the validators: aim at its last part, where it writes
      long delay = full / 3 + (long) (random.nextDouble() * full * 0.9);
      Path out = dir.resolve("out-" + i);
      Process p = Jar.start(sandbox.root, out, "enable", "paqet-server", "--health", "5m");
      boolean done = p.waitFor(delay, TimeUnit.MILLISECONDS);
      if (!done) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        killed++;
      }
      String why = "run " + i + " after " + delay + " ms (" + (done ? "finished" : "killed") + ")";

      if (i % 2 == 0) {
        Jar.Run enable = Jar.run(sandbox.root, "enable", "paqet-server", "--health", "5m");
        assertThat(enable.exit()).as(why + ": " + enable.out() + enable.err()).isZero();
        assertThat(ourFolders())
            .as(why)
            .containsExactly("paqet-health-paqet-server", "watchdog-menu");
        assertThat(manifest()).as(why).contains(CRON, LOGROTATE);
        Jar.Run status = Jar.run(sandbox.root, "status", "paqet-server");
        assertThat(status.out()).as(why).contains("Health check:  Every 5 minutes");
      }
      boolean present = !ourFolders().isEmpty();
      Jar.Run disable = Jar.run(sandbox.root, "disable", "paqet-server", "--health");
      assertThat(disable.exit()).as(why + ": " + disable.out() + disable.err()).isZero();
      if (present) {
        assertThat(disable.out())
            .as(why + ": files were there, so disable removed them or put back a half-done run")
            .containsAnyOf("removed /etc/cron.d/", "an earlier run stopped before it finished");
      }
      assertThat(ourFolders()).as(why + ": disable removes everything").isEmpty();
      assertThat(sandbox.path("/var/lib/watchdog-menu/journal.json")).as(why).doesNotExist();
    }
    assertThat(killed).as("runs killed before they ended").isPositive();
  }
}
