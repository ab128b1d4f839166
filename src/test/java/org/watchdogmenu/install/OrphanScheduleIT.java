package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.ExecCommandRunner;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.Sleeper;

/**
 * A cron job can outlive its target: {@code doctor} says so (and names cron fields cron rejects),
 * {@code disable} works from the manifest alone, and a hand-edited file is removed only with a
 * deliberate yes.
 */
class OrphanScheduleIT {
  private static final Applier.Options NO = new Applier.Options(false);
  private static final String CRON = "/etc/cron.d/custom-health-demo";

  @TempDir Path dir;
  private Host host;
  private InstallTools installer;
  private Path site;

  @BeforeEach
  void setUp() throws Exception {
    host =
        new Host(
            new HostRoot(dir), new ExecCommandRunner(), Clock.systemUTC(), Sleeper.SYSTEM, "root");
    installer = new InstallTools(host);
    Files.createDirectories(dir.resolve("etc/cron.d"));
    site = host.root().resolve(Catalog.siteFile("demo"));
    Files.createDirectories(site.getParent());
    Files.writeString(site, "id: demo\nservice: {kind: command, restart: [/bin/true]}\n");
    Target demo = Catalog.load(host.root()).target("demo");
    installer
        .applier()
        .apply(installer.planner().enable(demo, Feature.HEALTH, Schedule.parse("5m")), NO);
    assertThat(host.root().resolve(CRON)).exists();
  }

  private List<String> doctor() {
    return new Doctor(host).check().stream().map(Doctor.Problem::toString).toList();
  }

  @Test
  void doctorNamesACronJobWhoseTargetFileIsBrokenOrGone() throws Exception {
    assertThat(doctor()).isEmpty();

    Files.writeString(site, "id: demo\nservice: {kind: command, restart: [/bin/true]\n");
    assertThat(doctor())
        .anyMatch(
            p ->
                p.startsWith(
                        CRON + ": its target demo does not load, so every run of this job fails (")
                    && p.endsWith("): fix the target file, or 'watchdog-menu disable demo --all'"));

    Files.delete(site);
    assertThat(doctor())
        .containsExactly(
            CRON
                + ": its target demo does not load, so every run of this job fails (unknown"
                + " target 'demo': run 'watchdog-menu list' to see the targets): fix the target"
                + " file, or 'watchdog-menu disable demo --all'");
  }

  @Test
  void disableWorksFromTheManifestAlone() throws Exception {
    Files.delete(site);
    assertThat(installer.planner().hasSchedules("demo")).isTrue();

    Plan plan = installer.planner().disable("demo", EnumSet.allOf(Feature.class));
    assertThat(plan.confirmation()).isEmpty();
    installer.applier().apply(plan, NO);

    assertThat(host.root().resolve(CRON)).doesNotExist();
    assertThat(installer.planner().hasSchedules("demo")).isFalse();
    assertThat(doctor()).isEmpty();
  }

  @Test
  void doctorNamesCronFieldsCronRejects() throws Exception {
    Path cron = host.root().resolve(CRON);
    for (String[] c :
        new String[][] {
          {"61 * * * *", "minute field '61' is not a cron time: minute 61 is out of range (0-59)"},
          {"0 25 * * *", "hour field '25' is not a cron time: hour 25 is out of range (0-23)"},
          {"*/x * * * *", "minute field '*/x' is not a cron time: the step 'x' is not a number"}
        }) {
      String text = Files.readString(cron).replace("*/5 * * * * root", c[0] + " root");
      Files.writeString(cron, text);
      assertThat(doctor())
          .as(c[0])
          .anyMatch(p -> p.startsWith(CRON + ": edited by hand"))
          .anyMatch(p -> p.startsWith(CRON + ": fails validation: ") && p.contains(c[1]));
      Files.writeString(cron, text.replace(c[0] + " root", "*/5 * * * * root"));
    }
    assertThat(doctor()).isEmpty();
  }

  @Test
  void disablingAHandEditedFileNeedsADeliberateYes() throws Exception {
    Path cron = host.root().resolve(CRON);
    String mine = Files.readString(cron).replace("*/5 * * * * root", "*/2 * * * * root");
    Files.writeString(cron, mine);
    Target demo = Catalog.load(host.root()).target("demo");

    Plan plan = installer.planner().disable(demo, EnumSet.of(Feature.HEALTH));
    assertThat(plan.confirmation().orElseThrow())
        .startsWith(CRON + " was changed by hand since watchdog-menu wrote it (apply ")
        .endsWith("): disabling removes those changes too (undo brings them back)");
    assertThatThrownBy(() -> installer.applier().apply(plan, NO))
        .hasMessageStartingWith("not applied, it needs a deliberate yes: ");
    assertThat(Files.readString(cron)).isEqualTo(mine);

    installer.applier().apply(plan, new Applier.Options(true));
    assertThat(cron).doesNotExist();
    installer.applier().apply(installer.planner().undo(), NO);
    assertThat(Files.readString(cron)).as("undo brings the edited file back").isEqualTo(mine);
  }
}
