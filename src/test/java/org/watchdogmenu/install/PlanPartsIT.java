package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.ExecCommandRunner;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.Sleeper;

/**
 * A plan as parts (files with typed diff lines, commands, warnings): the menu draws them, and the
 * command line's preview is the same parts written out.
 */
class PlanPartsIT {
  @TempDir Path dir;
  private InstallTools installer;
  private Target paqet;

  @BeforeEach
  void setUp() throws IOException {
    Host host =
        new Host(
            new HostRoot(dir), new ExecCommandRunner(), Clock.systemUTC(), Sleeper.SYSTEM, "root");
    installer = new InstallTools(host);
    paqet = SeedTargets.tunnel("paqet", "server");
    Files.createDirectories(dir.resolve("etc/cron.d"));
  }

  @Test
  void aChangedFileHasItsRemovedAddedAndKeptLinesAndARemovalItsOldLines() throws IOException {
    Plan five = installer.planner().enable(paqet, Feature.HEALTH, Schedule.parse("5m"));
    installer.applier().apply(five, new Applier.Options(false));

    Plan ten = installer.planner().enable(paqet, Feature.HEALTH, Schedule.parse("10m"));
    PlanPart.FileChange cron = (PlanPart.FileChange) ten.parts().get(1);
    assertThat(cron.change()).isEqualTo(PlanPart.Change.REPLACE);
    assertThat(cron.diff())
        .extracting(DiffLine::kind)
        .contains(DiffLine.Kind.REMOVED, DiffLine.Kind.ADDED, DiffLine.Kind.SAME);
    assertThat(cron.diff())
        .filteredOn(l -> l.kind() == DiffLine.Kind.REMOVED)
        .extracting(DiffLine::text)
        .anyMatch(t -> t.startsWith("-*/5 * * * * root "));

    Plan off = installer.planner().disable(paqet, Set.of(Feature.HEALTH));
    PlanPart.FileChange gone =
        off.parts().stream()
            .filter(PlanPart.FileChange.class::isInstance)
            .map(PlanPart.FileChange.class::cast)
            .filter(f -> f.path().equals("/etc/cron.d/paqet-health-paqet-server"))
            .findFirst()
            .orElseThrow();
    assertThat(gone.change()).isEqualTo(PlanPart.Change.REMOVE);
    assertThat(gone.diff()).filteredOn(l -> l.kind() == DiffLine.Kind.REMOVED).isNotEmpty();
  }
}
