package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;

/**
 * A plan as parts (files with typed diff lines, commands, warnings): the menu draws them, and the
 * command line's preview is the same parts written out.
 */
class PlanPartsTest {
  private final MutableClock clock = MutableClock.at("2026-12-01T12:00:00Z");
  @TempDir Path dir;
  private InstallTools installer;
  private Target paqet;

  @BeforeEach
  void setUp() throws IOException {
    Host host = new Host(new HostRoot(dir), new ScriptedCommandRunner(), clock, clock, "root");
    installer = new InstallTools(host);
    paqet = SeedTargets.tunnel("paqet", "server");
    Files.createDirectories(dir.resolve("etc/cron.d"));
  }

  @Test
  void aNewFileIsACreateWhoseLinesAreAllAdded() {
    Plan plan = installer.planner().enable(paqet, Feature.HEALTH, Schedule.parse("5m"));
    List<PlanPart> parts = plan.parts();

    assertThat(parts.get(0)).isEqualTo(new PlanPart.Title(plan.commandLine()));
    PlanPart.FileChange cron = (PlanPart.FileChange) parts.get(1);
    assertThat(cron.change()).isEqualTo(PlanPart.Change.CREATE);
    assertThat(cron.path()).isEqualTo("/etc/cron.d/paqet-health-paqet-server");
    assertThat(cron.mode()).isEqualTo("0644");
    assertThat(cron.diff().get(0)).isEqualTo(new DiffLine(DiffLine.Kind.OLD_NAME, "--- /dev/null"));
    assertThat(cron.diff().get(1).kind()).isEqualTo(DiffLine.Kind.NEW_NAME);
    assertThat(cron.diff().get(2).kind()).isEqualTo(DiffLine.Kind.HUNK);
    assertThat(cron.diff().subList(3, cron.diff().size()))
        .extracting(DiffLine::kind)
        .containsOnly(DiffLine.Kind.ADDED);
    assertThat(Plan.heading(cron))
        .isEqualTo("create  /etc/cron.d/paqet-health-paqet-server  (0644 root:root)");
  }

  @Test
  void thePreviewIsThePartsWrittenOut() {
    Plan plan = installer.planner().enable(paqet, Feature.RESTART, Schedule.parse("08:00,16:00"));
    StringBuilder expected = new StringBuilder();
    for (PlanPart p : plan.parts()) {
      if (p instanceof PlanPart.FileChange f) {
        expected.append(Plan.heading(f)).append('\n');
        f.diff().forEach(l -> expected.append(l.text()).append('\n'));
      } else if (p instanceof PlanPart.Warning w) {
        expected.append("WARNING: ").append(w.text()).append('\n');
      }
    }
    String preview = plan.preview();
    for (String line : expected.toString().split("\n")) {
      assertThat(preview).contains(line);
    }
    assertThat(plan.parts()).hasAtLeastOneElementOfType(PlanPart.FileChange.class);
  }
}
