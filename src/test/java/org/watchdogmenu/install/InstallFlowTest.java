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

/** Plan, preview, apply, disable, undo and uninstall on a temp root with the real validators. */
class InstallFlowTest {
  private final MutableClock clock = MutableClock.at("2026-12-01T12:00:00Z");
  private static final Applier.Options NO = new Applier.Options(false);

  @TempDir Path dir;
  private Host host;
  private InstallTools installer;
  private Target paqet;

  @BeforeEach
  void setUp() throws IOException {
    host = new Host(new HostRoot(dir), new ScriptedCommandRunner(), clock, clock, "root");
    installer = new InstallTools(host);
    paqet = SeedTargets.tunnel("paqet", "server");
    Files.createDirectories(dir.resolve("etc/cron.d"));
    Files.writeString(
        dir.resolve("etc/passwd"),
        "satinder:x:1000:1000::/home/satinder:/bin/bash\noperator:x:1001:1001::/home/operator:/bin/sh\n");
  }

  private Path at(String hostPath) {
    return host.root().resolve(hostPath);
  }

  private ApplyResult apply(Plan plan) {
    return installer.applier().apply(plan, NO);
  }

  @Test
  void leastPrivilegeSudoersNeedsNoConfirmation() {
    Plan plan =
        installer
            .planner()
            .sudoers(new SudoersRequest("operator", null, List.of(paqet), List.of()));
    assertThat(plan.confirmation()).isEmpty();
    assertThat(plan.warnings()).isEmpty();
    assertThat(plan.writes())
        .singleElement()
        .extracting(FileWrite::path)
        .isEqualTo("/etc/sudoers.d/watchdog-menu-operator");
  }

  @Test
  void lingerIsAFileWithoutSystemdAndACommandWithIt() throws IOException {
    Plan offline = installer.planner().linger("satinder");
    assertThat(offline.writes())
        .extracting(FileWrite::path)
        .containsExactly("/var/lib/systemd/linger/satinder");
    assertThat(offline.commands()).isEmpty();
    apply(offline);
    assertThat(installer.lingerEnabled("satinder")).isTrue();
    assertThat(installer.planner().linger("satinder").isEmpty()).isTrue();

    Files.createDirectories(at("/run/systemd/system"));
    Plan online = installer.planner().linger("ubuntu");
    assertThat(online.writes()).isEmpty();
    assertThat(online.commands())
        .extracting(PlanCommand::display)
        .containsExactly("loginctl enable-linger ubuntu");
    assertThat(installer.planner().monitor().commands())
        .extracting(PlanCommand::display)
        .containsExactly(
            "systemctl daemon-reload", "systemctl enable --now watchdog-menu-monitor.service");
  }

  @Test
  void theCameraRestartEnsuresLingerForItsUser() {
    Plan plan =
        installer
            .planner()
            .enable(SeedTargets.camera(), Feature.RESTART, Schedule.parse("08:00,16:00,00:00"));
    assertThat(plan.commandLine())
        .endsWith(
            "enable camera-platform --restart-at 00:00,08:00,16:00 && "
                + "watchdog-menu --root "
                + dir
                + " linger satinder");
    assertThat(plan.writes())
        .extracting(FileWrite::path)
        .contains("/etc/cron.d/camera-restart-camera-platform", "/var/lib/systemd/linger/satinder");
  }

  private java.nio.file.attribute.UserPrincipal lookup(String name) throws IOException {
    return dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
  }

  private Plan planOf(FileWrite file) {
    PlanBuilder b =
        new PlanBuilder(
            host.root(), "test", Plan.Mode.APPLY, new ManifestStore(host.root()).basis());
    return b.write(file).build();
  }
}
