package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.ExecCommandRunner;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.Sleeper;

/**
 * A run stopped between its first file and its manifest (killed, or a manifest that cannot be
 * written) leaves no file of ours unrecorded: the journal it wrote first lets the next run under
 * the install lock put things back, so {@code enable} writes them again and {@code disable} removes
 * everything.
 */
class CrashJournalIT {
  private static final Applier.Options NO = new Applier.Options(false);
  private static final String CRON = "/etc/cron.d/paqet-health-paqet-server";
  private static final String LOGROTATE = "/etc/logrotate.d/watchdog-menu";

  /** Stands for SIGKILL: nothing in the applier catches it, so nothing is cleaned up. */
  private static final class Killed extends Error {
    private static final long serialVersionUID = 1L;
  }

  @TempDir Path dir;
  private Host host;
  private InstallTools installer;
  private Target paqet;

  @BeforeEach
  void setUp() throws IOException {
    host =
        new Host(
            new HostRoot(dir), new ExecCommandRunner(), Clock.systemUTC(), Sleeper.SYSTEM, "root");
    installer = new InstallTools(host);
    paqet = SeedTargets.tunnel("paqet", "server");
    Files.createDirectories(dir.resolve("etc/cron.d"));
    Files.createDirectories(dir.resolve("etc/logrotate.d"));
  }

  private Path at(String hostPath) {
    return host.root().resolve(hostPath);
  }

  private Plan enable() {
    return installer.planner().enable(paqet, Feature.HEALTH, Schedule.parse("5m"));
  }

  /** What a command line does: take the lock (which finishes an earlier run), plan, apply. */
  private ApplyResult underLock(java.util.function.Supplier<Plan> plan) {
    try (Applier.Locked locked = installer.applier().lock(Duration.ofSeconds(5), p -> {})) {
      return locked.apply(plan.get(), NO);
    }
  }

  @Test
  void aManifestThatCannotBeWrittenPutsTheFilesBack() throws IOException {
    Map<String, String> before = Trees.snapshot(dir);
    Applier failing =
        new Applier(
            host,
            path -> {
              if (path.equals(InstallPaths.MANIFEST)) {
                throw new IOException("No space left on device");
              }
            },
            Duration.ofSeconds(1));

    assertThatThrownBy(() -> failing.apply(enable(), NO))
        .isInstanceOf(InstallException.class)
        .hasMessage(
            InstallPaths.MANIFEST
                + " could not be written (No space left on device): nothing was changed, the"
                + " files were put back as they were");

    Map<String, String> after = Trees.snapshot(dir);
    after.keySet().removeIf(k -> k.startsWith("var"));
    assertThat(after).as("no file, no backup, no journal: only the lock").isEqualTo(before);
    assertThat(enable().isEmpty()).as("enable has something to do again").isFalse();
    underLock(this::enable);
    assertThat(installer.reader().read(paqet, Feature.HEALTH).words()).isEqualTo("Every 5 minutes");
  }

  @ParameterizedTest
  @ValueSource(strings = {CRON, LOGROTATE, InstallPaths.MANIFEST})
  void aKillBeforeAnyRenameConvergesOnTheNextRun(String killedAt) throws IOException {
    Map<String, String> before = Trees.snapshot(dir);
    Applier killed =
        new Applier(
            host,
            path -> {
              if (path.equals(killedAt)) {
                throw new Killed();
              }
            },
            Duration.ofSeconds(1));
    assertThatThrownBy(() -> killed.apply(enable(), NO)).isInstanceOf(Killed.class);
    assertThat(at(InstallPaths.JOURNAL)).exists();
    assertThat(new Doctor(host).check())
        .extracting(Doctor.Problem::toString)
        .contains(
            InstallPaths.JOURNAL
                + ": a change did not finish (the run was stopped): the next watchdog-menu run"
                + " that changes files puts back what it had written");

    ApplyResult again = underLock(this::enable);

    assertThat(again.lines().get(0))
        .startsWith("an earlier run stopped before it finished (watchdog-menu --root ");
    assertThat(at(CRON)).exists();
    assertThat(at(LOGROTATE)).exists();
    assertThat(at(InstallPaths.JOURNAL)).doesNotExist();
    assertThat(installer.reader().read(paqet, Feature.HEALTH).words()).isEqualTo("Every 5 minutes");
    assertThat(new ManifestStore(host.root()).load().installed()).containsKeys(CRON, LOGROTATE);
    assertThat(Files.list(at("/etc/cron.d")).map(p -> p.getFileName().toString()))
        .containsExactly("paqet-health-paqet-server");

    underLock(() -> installer.planner().disable(paqet, Set.of(Feature.HEALTH)));

    Map<String, String> after = Trees.snapshot(dir);
    after.keySet().removeIf(k -> k.startsWith("var"));
    assertThat(after).as("disable removes everything").isEqualTo(before);
  }

  @Test
  void aKillWhileDisablingPutsTheFilesBackAndDisableThenRemovesThem() throws IOException {
    underLock(this::enable);
    Map<String, String> enabled = Trees.snapshot(dir);
    Applier killed =
        new Applier(
            host,
            path -> {
              if (path.equals(InstallPaths.MANIFEST)) {
                throw new Killed();
              }
            },
            Duration.ofSeconds(1));
    assertThatThrownBy(
            () -> killed.apply(installer.planner().disable(paqet, Set.of(Feature.HEALTH)), NO))
        .isInstanceOf(Killed.class);
    assertThat(at(CRON)).as("removed, but the manifest does not say so").doesNotExist();

    try (Applier.Locked locked = installer.applier().lock(Duration.ofSeconds(5), p -> {})) {
      assertThat(locked.recovered()).hasSize(1);
    }

    Map<String, String> now = Trees.snapshot(dir);
    now.keySet().removeIf(k -> k.startsWith("var/lib/watchdog-menu/backups/"));
    enabled.keySet().removeIf(k -> k.startsWith("var/lib/watchdog-menu/backups/"));
    assertThat(now).isEqualTo(enabled);
    underLock(() -> installer.planner().disable(paqet, Set.of(Feature.HEALTH)));
    assertThat(at(CRON)).doesNotExist();
    assertThat(at(LOGROTATE)).doesNotExist();
  }
}
