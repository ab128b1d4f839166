package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;

/**
 * {@code doctor} names what decides what root runs and is refused or broken, and the programs root
 * runs that another account can change; the installer's preview warns of such a program when a
 * schedule of its target is enabled.
 */
class DoctorTrustTest {
  private final MutableClock clock = MutableClock.at("2026-12-01T12:00:00Z");
  private static final int NOBODY = 65534;

  @TempDir Path dir;
  private Host host;
  private InstallTools installer;

  @BeforeEach
  void setUp() throws Exception {
    host = new Host(new HostRoot(dir), new ScriptedCommandRunner(), clock, clock, "root");
    installer = new InstallTools(host);
    Files.createDirectories(dir.resolve("etc/cron.d"));
    Path bob = Files.createDirectories(dir.resolve("home/bob"));
    Files.writeString(bob.resolve("restart.sh"), "#!/bin/sh\n");
    Files.setAttribute(bob, "unix:uid", NOBODY);
    site("demo", "id: demo\nservice: {kind: command, restart: [/home/bob/restart.sh]}\n");
  }

  private Path site(String id, String text) throws Exception {
    Path file = host.root().resolve(Catalog.siteFile(id));
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private List<String> doctor() {
    return new Doctor(host).check().stream().map(Doctor.Problem::toString).toList();
  }

  @Test
  void aProgramOthersCanChangeIsAWarningOfDoctorAndOfTheSchedulePreview() {
    String warning =
        "the restart command /home/bob/restart.sh can be changed by nobody (owner of /home/bob),"
            + " and root runs it";

    assertThat(doctor()).containsExactly("target demo: warning: " + warning);

    Target demo = Catalog.load(host.root()).target("demo");
    Plan plan = installer.planner().enable(demo, Feature.HEALTH, Schedule.parse("5m"));
    assertThat(plan.warnings()).contains(warning);
    assertThat(plan.preview()).contains(warning);
  }

  @Test
  void refusedSettingsFilesAreNamedWithTheirReason() throws Exception {
    Files.setAttribute(
        site("theirs", "id: theirs\nservice: {kind: systemd, unit: x.service}\n"),
        "unix:uid",
        NOBODY);
    Path alerts = host.root().resolve("/etc/watchdog-menu/alerts.yaml");
    Files.writeString(alerts, "channels:\n  - type: command\n    command: [/usr/bin/logger]\n");
    Files.setPosixFilePermissions(alerts, PosixFilePermissions.fromString("rw-rw-rw-"));
    Path monitor = host.root().resolve("/etc/watchdog-menu/monitor.yaml");
    Files.writeString(monitor, "targets: [demo]\n");
    Files.setAttribute(monitor, "unix:uid", NOBODY);
    Path metrics = host.root().resolve("/etc/watchdog-menu/metrics.yaml");
    Files.createSymbolicLink(metrics, Path.of("/dev/zero"));

    List<String> problems = doctor();

    assertThat(problems)
        .anyMatch(
            p ->
                p.startsWith("/etc/watchdog-menu/targets/theirs.yaml: does not load: refusing")
                    && p.contains("wrong file owner"))
        .anyMatch(
            p ->
                p.startsWith("/etc/watchdog-menu/alerts.yaml: not used, alerts are off: refusing")
                    && p.contains("writable by everyone (mode 0666)"))
        .anyMatch(
            p ->
                p.startsWith("/etc/watchdog-menu/monitor.yaml: not used, the monitor keeps its")
                    && p.contains("wrong file owner"))
        .anyMatch(
            p ->
                p.startsWith("/etc/watchdog-menu/metrics.yaml: not used, metrics are off")
                    && p.contains("it is a link, not a regular file"));
    assertThat(problems).allSatisfy(p -> assertThat(p).doesNotContain("\n", "Exception"));
  }

  @Test
  void nothingToSayWhenOnlyRootCanChangeWhatRootRuns() throws Exception {
    site("demo", "id: demo\nservice: {kind: command, restart: [/opt/demo/restart.sh]}\n");

    assertThat(doctor()).isEmpty();
  }
}
