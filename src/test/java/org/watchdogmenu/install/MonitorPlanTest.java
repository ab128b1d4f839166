package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.monitor.MonitorList;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;

/** {@code enable TARGET --monitor} and {@code disable TARGET --monitor} through plan and apply. */
class MonitorPlanTest {
  private final MutableClock clock = MutableClock.at("2026-12-01T12:00:00Z");
  @TempDir Path dir;
  private InstallTools installer;
  private HostRoot root;
  private final Target paqet = SeedTargets.tunnel("paqet", "server");
  private final Target client = SeedTargets.tunnel("paqet", "client");

  @BeforeEach
  void setUp() {
    root = new HostRoot(dir);
    installer = new InstallTools(new Host(root, new ScriptedCommandRunner(), clock, clock, "root"));
  }

  @Test
  void enableAddsTheTargetWithADiffAndTheManifestLetsUndoPutItBack() throws Exception {
    Plan first = installer.planner().monitorTarget(paqet, true);
    assertThat(first.preview())
        .contains("enable paqet-server --monitor")
        .contains("create  /etc/watchdog-menu/monitor.yaml  (0644 root:root)")
        .contains("+targets: [paqet-server]")
        .contains("the monitor service is not installed");
    installer.applier().apply(first, new Applier.Options(false));
    installer
        .applier()
        .apply(installer.planner().monitorTarget(client, true), new Applier.Options(false));
    assertThat(MonitorList.read(root).targets()).containsExactly("paqet-client", "paqet-server");

    Plan off = installer.planner().monitorTarget(paqet, false);
    assertThat(off.preview())
        .contains("-targets: [paqet-client, paqet-server]")
        .contains("+targets: [paqet-client]");
    installer.applier().apply(off, new Applier.Options(false));
    assertThat(MonitorList.read(root).targets()).containsExactly("paqet-client");

    installer.applier().apply(installer.planner().undo(), new Applier.Options(false));
    assertThat(MonitorList.read(root).targets()).containsExactly("paqet-client", "paqet-server");
    installer.applier().apply(installer.planner().uninstall(), new Applier.Options(false));
    assertThat(dir.resolve("etc/watchdog-menu/monitor.yaml")).doesNotExist();
  }

  @Test
  void askingForWhatIsAlreadySoChangesNothingAndSaysSo() {
    Plan plan = installer.planner().monitorTarget(paqet, false);
    assertThat(plan.isEmpty()).isTrue();
    assertThat(plan.preview()).contains("paqet-server is not monitored");
  }

  @Test
  void aBrokenListIsNotOverwritten() throws Exception {
    Path list = dir.resolve("etc/watchdog-menu/monitor.yaml");
    Files.createDirectories(list.getParent());
    Files.writeString(list, "targets: [a\n");
    assertThatThrownBy(() -> installer.planner().monitorTarget(paqet, true))
        .isInstanceOf(InstallException.class)
        .hasMessageContaining("/etc/watchdog-menu/monitor.yaml")
        .hasMessageEndingWith("fix it or remove it, then run this again");
  }
}
