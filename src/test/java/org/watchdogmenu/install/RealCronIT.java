package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.watchdogmenu.model.Target;
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
 */
class RealCronIT {
  private boolean stateDirBefore;
  private final String id = "wdm-it-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  private final Host host = Host.system(HostRoot.SYSTEM);
  private final Installer installer = new Installer(host);
  private Path work;
  private Process startedCron;

  @BeforeEach
  void setUp() throws IOException {
    assumeFalse(
        Files.exists(Path.of(InstallPaths.MANIFEST)),
        "watchdog-menu is installed on this machine: not touching its manifest");
    stateDirBefore = Files.exists(Path.of(InstallPaths.STATE_DIR));
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
    if (cronRunning().isEmpty()) {
      startedCron = new ProcessBuilder("/usr/sbin/cron", "-f", "-L", "15").start();
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    if (Files.exists(Path.of(InstallPaths.MANIFEST))) {
      installer.applier().apply(installer.planner().uninstall(), new Applier.Options(false));
      assertThat(Path.of(stateDirBefore ? InstallPaths.MANIFEST : InstallPaths.STATE_DIR))
          .as("uninstall leaves the machine's state folder as it was")
          .doesNotExist();
    }
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
  }

  @Test
  void aOneMinuteHealthCheckRunsUnderRealCronAndStopsWhenDisabled() throws Exception {
    Target target =
        SeedTargets.custom(
            id, work.resolve("health.log").toString(), work.resolve("cron.log").toString());
    Plan rendered = installer.planner().enable(target, Feature.HEALTH, Schedule.parse("1m"));
    Plan plan = pointedAtTestScript(rendered);
    Path cronFile = Path.of("/etc/cron.d/custom-health-" + id);

    installer.applier().apply(plan, new Applier.Options(false));
    Instant installed = Instant.now();
    assertThat(Files.readString(cronFile))
        .contains("* * * * * root " + work + "/watchdog-menu check " + id + " >/dev/null 2>>");

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

    installer
        .applier()
        .apply(
            installer.planner().disable(target, Set.of(Feature.HEALTH)),
            new Applier.Options(false));
    assertThat(cronFile).doesNotExist();
    int after = lines(log).size();
    // cron reads the folder at each minute: wait past the next two minute marks
    LocalTime now = LocalTime.now(ZoneOffset.UTC);
    Thread.sleep(Duration.ofSeconds(60 - now.getSecond() + 65).toMillis());
    assertThat(lines(log)).hasSize(after);
    assertThat(installed).isNotNull();
  }

  /** The rendered plan with the engine path replaced by the test script in the cron file. */
  private Plan pointedAtTestScript(Plan rendered) {
    PlanBuilder b =
        new PlanBuilder(
            host.root(), rendered.title(), Plan.Mode.APPLY, new ManifestStore(host.root()).basis());
    for (FileWrite w : rendered.writes()) {
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

  private static Optional<ProcessHandle> cronRunning() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.equals("/usr/sbin/cron")).orElse(false))
        .findFirst();
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
