package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.ExecCommandRunner;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.Sleeper;

/**
 * The one key of what a file belongs to: every renderer writes it into the manifest, and every
 * reader of installed state asks with the same factory, so they agree, in this run and the next.
 */
class FeatureKeyIT {
  @TempDir Path dir;
  private Host host;

  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(dir.resolve("etc"));
    Files.writeString(dir.resolve("etc/passwd"), "deploy:x:1100:1100::/home/deploy:/bin/sh\n");
    host =
        new Host(
            new HostRoot(dir), new ExecCommandRunner(), Clock.systemUTC(), Sleeper.SYSTEM, "root");
  }

  private InstallTools installer() {
    return new InstallTools(host);
  }

  private void apply(Plan plan) {
    installer().applier().apply(plan, new Applier.Options(true));
  }

  @Test
  void everyWriterAndEveryReaderAgreeThroughTheManifest() {
    InstallTools installer = installer();
    Planner planner = installer.planner();
    apply(planner.restartPolicy("paqet-client"));
    apply(
        planner.enable(
            SeedTargets.tunnel("paqet", "server"), Feature.HEALTH, Schedule.parse("5m")));
    apply(planner.pm2Housekeeping(Pm2Housekeeping.seed002("ubuntu", "/home/ubuntu", "/srv/app")));
    apply(planner.linger("ubuntu"));
    apply(
        planner.sudoers(
            new SudoersRequest(
                "deploy", null, List.of(SeedTargets.tunnel("paqet", "server")), null)));
    apply(planner.monitorTarget(SeedTargets.tunnel("paqet", "server"), true));

    List<FeatureKey> keys =
        List.of(
            FeatureKey.restartPolicy("paqet-client"),
            FeatureKey.Single.ALERT_UNIT,
            FeatureKey.scheduled("paqet-server", Feature.HEALTH),
            FeatureKey.Single.LOGROTATE,
            FeatureKey.pm2Housekeeping("ubuntu"),
            FeatureKey.linger("ubuntu"),
            FeatureKey.sudoers("watchdog-menu-deploy"),
            FeatureKey.Single.MONITOR_LIST);
    for (InstallTools reader : List.of(installer, installer())) {
      assertThat(keys).allMatch(reader::installed);
      assertThat(reader.installed(FeatureKey.restartPolicy("paqet-client.service"))).isTrue();
      assertThat(reader.installed(FeatureKey.restartPolicy("paqet-server"))).isFalse();
      assertThat(reader.installed(FeatureKey.scheduled("paqet-server", Feature.RESTART))).isFalse();
      assertThat(reader.installed(FeatureKey.Single.MONITOR_UNIT)).isFalse();
    }

    // the stored text reads back as the key that wrote it, for every file on record
    Manifest m = new ManifestStore(new HostRoot(dir)).load();
    assertThat(m.installed()).hasSize(keys.size());
    for (Manifest.Installed i : m.installed().values()) {
      FeatureKey read = i.change().featureKey().orElseThrow();
      assertThat(read).isNotInstanceOf(FeatureKey.Other.class).isIn(keys);
      assertThat(read.key()).isEqualTo(i.change().feature());
    }
  }

  private static String change(String path, String kind, String feature) {
    return "{\"path\":\""
        + path
        + "\",\"action\":\"write\",\"kind\":\""
        + kind
        + "\",\"feature\":\""
        + feature
        + "\",\"sha256\":\"00\",\"mode\":\"0644\",\"owner\":\"root\",\"group\":\"root\"}";
  }

  @Test
  void aDropInIsRemovedWithTheAlertUnitOnlyWhenItIsTheLastOne() throws IOException {
    InstallTools installer = installer();
    apply(installer.planner().restartPolicy("paqet-client"));
    apply(installer.planner().restartPolicy("paqet-server.service"));
    Path client = dir.resolve("etc/systemd/system/paqet-client.service.d/watchdog-menu.conf");
    Path alert = dir.resolve("etc/systemd/system/watchdog-menu-alert@.service");

    Plan one = installer.planner().removeRestartPolicy("paqet-client.service");
    assertThat(one.removals())
        .extracting(FileRemoval::path)
        .containsExactly("/etc/systemd/system/paqet-client.service.d/watchdog-menu.conf");
    assertThat(one.commandLine()).endsWith("units --remove-restart-policy paqet-client.service");
    apply(one);
    assertThat(client).doesNotExist();
    assertThat(alert).exists();
    assertThat(installer.installed(FeatureKey.restartPolicy("paqet-client"))).isFalse();
    assertThat(installer.installed(FeatureKey.restartPolicy("paqet-server"))).isTrue();

    Plan last = installer.planner().removeRestartPolicy("paqet-server");
    assertThat(last.removals())
        .extracting(FileRemoval::path)
        .containsExactly(
            "/etc/systemd/system/paqet-server.service.d/watchdog-menu.conf",
            "/etc/systemd/system/watchdog-menu-alert@.service");
    apply(last);
    assertThat(alert).doesNotExist();
    assertThatThrownBy(() -> installer.planner().removeRestartPolicy("paqet-server"))
        .isInstanceOf(InstallException.class)
        .hasMessage(
            "no restart-policy drop-in of paqet-server.service was installed by watchdog-menu;"
                + " a file it did not write is left alone");

    // a removal is a change like any other: undo brings the files back
    apply(installer.planner().undo());
    assertThat(alert).exists();
    assertThat(installer.installed(FeatureKey.restartPolicy("paqet-server"))).isTrue();
  }
}
