package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.CronDaemon;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;

/**
 * End to end with the real cron daemon and the real /etc/cron.d: a one-minute health check for a
 * throwaway target makes its log line appear, and disabling it stops it.
 *
 * <p>The cron file is the one the planner renders, with one change: the engine path {@code
 * /usr/local/bin/watchdog-menu} is replaced by a small test script (the installed jar does not know
 * this throwaway target). The script writes the engine's start line to the target's health log, and
 * one line to stderr to prove that stderr is appended to the log too.
 *
 * <p>A watchdog-menu installed on the machine is never touched: the installer's records (manifest,
 * backups, lock) live in a temp folder of the test's own, so disable undoes only this test's file;
 * the shared /etc/logrotate.d/watchdog-menu is left out of the plan; and the teardown removes this
 * test's own cron file by its exact path. The test skips only when a file of that name exists.
 */
class RealCronIT {
  private final String id = "wdm-it-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  private final Path cronFile = Path.of("/etc/cron.d/custom-health-" + id);
  private final Host host = Host.system(HostRoot.SYSTEM);
  @TempDir Path records;
  private InstallTools installer;
  private List<String> machineBefore;
  private Path work;
  private Process startedCron;

  @BeforeEach
  void setUp() throws IOException {
    assumeFalse(
        Files.exists(cronFile, LinkOption.NOFOLLOW_LINKS),
        cronFile + " exists already: not touching a file this test did not write");
    installer = new InstallTools(host, new HostRoot(records));
    machineBefore = MachineRecords.snapshot();
    work = Files.createTempDirectory("wdm-it-");
    Files.setPosixFilePermissions(work, FileMeta.permissions("0755"));
    Path script = work.resolve("watchdog-menu");
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "echo \"[$(date -u +%Y-%m-%dT%H:%M:%SZ)] === Health Check Start: $2 ===\" >> "
            + work.resolve("health.log")
            + "\necho \"stderr of $1 $2\" >&2\n");
    Files.setPosixFilePermissions(script, FileMeta.permissions("0755"));
    if (!CronDaemon.of(HostRoot.SYSTEM).running()) {
      startedCron = new ProcessBuilder("/usr/sbin/cron", "-f", "-L", "15").start();
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    Files.deleteIfExists(cronFile);
    if (startedCron != null) {
      startedCron.destroy();
      startedCron.waitFor();
    }
    if (work != null) {
      try (var files = Files.list(work)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(work);
    }
    if (machineBefore != null) {
      assertThat(MachineRecords.snapshot())
          .as("the machine's manifest, backups and logrotate file are as they were")
          .isEqualTo(machineBefore);
    }
  }

  @Test
  void aOneMinuteHealthCheckRunsUnderRealCronAndStopsWhenDisabled() throws Exception {
    Target target =
        SeedTargets.custom(
            id, work.resolve("health.log").toString(), work.resolve("cron.log").toString());
    Plan rendered = installer.planner().enable(target, Feature.HEALTH, Schedule.parse("1m"));
    Plan plan = pointedAtTestScript(rendered);
    assertThat(plan.writes()).extracting(FileWrite::path).containsExactly(cronFile.toString());

    installer.applier().apply(plan, new Applier.Options(false));
    assertThat(Files.readString(cronFile))
        .contains("* * * * * root " + work + "/watchdog-menu check " + id + " >/dev/null 2>>");
    assertThat(records.resolve("var/lib/watchdog-menu/manifest.json"))
        .content()
        .contains(cronFile.toString());

    Path log = work.resolve("health.log");
    Duration took =
        waitFor(
            () ->
                lines(log).stream()
                    .anyMatch(l -> l.contains("=== Health Check Start: " + id + " ===")),
            Duration.ofSeconds(130));
    System.out.println(
        "cron ran the health check " + took.toSeconds() + " s after it was installed");
    assertThat(took).isLessThan(Duration.ofSeconds(130));
    waitFor(
        () -> lines(log).stream().anyMatch(l -> l.equals("stderr of check " + id)),
        Duration.ofSeconds(5));
    assertThat(lines(log)).contains("stderr of check " + id);

    Plan disable = installer.planner().disable(target, Set.of(Feature.HEALTH));
    assertThat(disable.writes()).as("nothing but this test's own file").isEmpty();
    assertThat(disable.removals())
        .extracting(FileRemoval::path)
        .containsExactly(cronFile.toString());
    installer.applier().apply(disable, new Applier.Options(false));
    assertThat(cronFile).doesNotExist();
    int after = lines(log).size();
    // cron reads the folder at each minute: wait past the next two minute marks
    LocalTime now = LocalTime.now(ZoneOffset.UTC);
    Thread.sleep(Duration.ofSeconds(60 - now.getSecond() + 65).toMillis());
    assertThat(lines(log)).hasSize(after);
  }

  /**
   * The rendered plan's cron file only (the shared logrotate file is the machine's), with the
   * engine path replaced by the test script.
   */
  private Plan pointedAtTestScript(Plan rendered) {
    assertThat(rendered.writes())
        .extracting(FileWrite::path)
        .containsExactlyInAnyOrder(cronFile.toString(), InstallPaths.LOGROTATE);
    PlanBuilder b =
        new PlanBuilder(
            host.root(),
            rendered.commandLine(),
            Plan.Mode.APPLY,
            new ManifestStore(new HostRoot(records)).basis());
    for (FileWrite w : rendered.writes()) {
      if (!w.path().equals(cronFile.toString())) {
        continue;
      }
      String text = w.text().replace(InstallPaths.BIN, work.resolve("watchdog-menu").toString());
      b.write(
          new FileWrite(
              w.path(),
              text.getBytes(StandardCharsets.UTF_8),
              w.kind(),
              w.mode(),
              w.owner(),
              w.group(),
              w.feature(),
              w.logs(),
              false));
    }
    return b.build();
  }

  private static List<String> lines(Path log) {
    try {
      return Files.exists(log) ? Files.readAllLines(log) : List.of();
    } catch (IOException e) {
      return List.of();
    }
  }

  private interface Condition {
    boolean holds();
  }

  private static Duration waitFor(Condition c, Duration max) throws InterruptedException {
    Instant start = Instant.now();
    while (!c.holds() && Duration.between(start, Instant.now()).compareTo(max) < 0) {
      Thread.sleep(500);
    }
    return Duration.between(start, Instant.now());
  }
}
