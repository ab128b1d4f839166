package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;

/**
 * The one key of what a file belongs to: every renderer writes it into the manifest, and every
 * reader of installed state asks with the same factory, so they agree, in this run and the next.
 */
class FeatureKeyTest {
  private final MutableClock clock = MutableClock.at("2026-12-01T12:00:00Z");
  @TempDir Path dir;
  private Host host;

  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(dir.resolve("etc"));
    Files.writeString(dir.resolve("etc/passwd"), "deploy:x:1100:1100::/home/deploy:/bin/sh\n");
    host = new Host(new HostRoot(dir), new ScriptedCommandRunner(), clock, clock, "root");
  }

  private InstallTools installer() {
    return new InstallTools(host);
  }

  private void apply(Plan plan) {
    installer().applier().apply(plan, new Applier.Options(true));
  }

  @Test
  void eachKindReadsBackFromItsStoredText() {
    List<FeatureKey> all =
        List.of(
            FeatureKey.scheduled("camera-platform", Feature.RESTART),
            FeatureKey.restartPolicy("mingus-backend"),
            FeatureKey.userUnit("satinder", "camera-platform"),
            FeatureKey.pm2Housekeeping("ubuntu"),
            FeatureKey.sudoers("watchdog-menu-ops"),
            FeatureKey.linger("satinder"),
            FeatureKey.target("demo-web"),
            FeatureKey.Single.ALERT_UNIT,
            FeatureKey.Single.MONITOR_UNIT,
            FeatureKey.Single.MONITOR_LIST,
            FeatureKey.Single.ALERTS,
            FeatureKey.Single.LOGROTATE);
    for (FeatureKey k : all) {
      assertThat(FeatureKey.stored(k.key(), FileKind.CRON)).contains(k);
    }
    assertThat(FeatureKey.restartPolicy("mingus-backend").key())
        .isEqualTo("restart-policy/mingus-backend.service");
    assertThat(FeatureKey.userUnit("satinder", "camera-platform").key())
        .isEqualTo("user-unit/satinder/camera-platform.service");
    assertThat(FeatureKey.scheduled("paqet-server", Feature.HEALTH).key())
        .isEqualTo("paqet-server/health");
    // the monitor's list was stored as "monitor", like its unit: the kind tells them apart
    assertThat(FeatureKey.stored("monitor", FileKind.MONITOR_LIST))
        .contains(FeatureKey.Single.MONITOR_LIST);
    assertThat(FeatureKey.stored("monitor", FileKind.UNIT))
        .contains(FeatureKey.Single.MONITOR_UNIT);
    assertThat(FeatureKey.stored("some/new/kind/of/key", FileKind.UNIT))
        .contains(new FeatureKey.Other("some/new/kind/of/key"));
    assertThat(FeatureKey.stored(null, FileKind.UNIT)).isEmpty();
    assertThatThrownBy(() -> FeatureKey.restartPolicy("a b"))
        .isInstanceOf(InstallException.class)
        .hasMessageContaining("unit 'a b' is not allowed");
  }

  @Test
  void aManifestWrittenBeforeTheKeyTypeIsReadAsItWasMeant() throws IOException {
    Path manifest = dir.resolve("var/lib/watchdog-menu/manifest.json");
    Files.createDirectories(manifest.getParent());
    Files.writeString(
        manifest,
        "{\"version\":1,\"applies\":[{\"id\":\"20250101T000000Z\",\"at\":\"2025-01-01T00:00:00Z\","
            + "\"title\":\"watchdog-menu enable paqet-server --monitor\",\"changes\":["
            + change("/etc/watchdog-menu/monitor.yaml", "MONITOR_LIST", "monitor")
            + ","
            + change(
                "/etc/systemd/system/paqet-client.service.d/watchdog-menu.conf",
                "DROP_IN",
                "restart-policy/paqet-client.service")
            + ","
            + change("/etc/cron.d/paqet-health-paqet-server", "CRON", "paqet-server/health")
            + "],\"commands\":[]}]}");
    InstallTools installer = installer();
    assertThat(installer.installed(FeatureKey.Single.MONITOR_LIST)).isTrue();
    assertThat(installer.installed(FeatureKey.Single.MONITOR_UNIT)).isFalse();
    assertThat(installer.installed(FeatureKey.restartPolicy("paqet-client"))).isTrue();
    assertThat(installer.installed(FeatureKey.scheduled("paqet-server", Feature.HEALTH))).isTrue();
    assertThat(installer.planner().hasSchedules("paqet-server")).isTrue();
    assertThat(installer.lastChange()).contains("enable paqet-server --monitor");
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
  void aDropInNotWrittenByWatchdogMenuIsNeverRemoved() throws IOException {
    Path own = dir.resolve("etc/systemd/system/web.service.d/watchdog-menu.conf");
    Files.createDirectories(own.getParent());
    Files.writeString(own, "[Service]\nRestart=always\n");
    assertThatThrownBy(() -> installer().planner().removeRestartPolicy("web"))
        .isInstanceOf(InstallException.class)
        .hasMessageContaining("a file it did not write is left alone");
    assertThat(own).hasContent("[Service]\nRestart=always\n");
  }

  @Test
  void lingerOffWithoutSystemdRemovesTheLingerFileAndUndoPutsItBack() {
    InstallTools installer = installer();
    apply(installer.planner().linger("ubuntu"));
    Path file = dir.resolve("var/lib/systemd/linger/ubuntu");
    assertThat(file).exists();
    Plan off = installer.planner().lingerOff("ubuntu");
    assertThat(off.commandLine()).endsWith("linger ubuntu --off");
    assertThat(off.removals()).extracting(FileRemoval::path).containsExactly(Linger.path("ubuntu"));
    apply(off);
    assertThat(file).doesNotExist();
    assertThat(installer.lingerEnabled("ubuntu")).isFalse();
    assertThat(installer.planner().lingerOff("ubuntu").isEmpty()).isTrue();
    assertThat(installer.planner().lingerOff("ubuntu").warnings())
        .containsExactly("linger is already off for ubuntu");
    apply(installer.planner().undo());
    assertThat(file).exists();
  }

  @Test
  void aUserServiceIsDisabledBeforeItsFileGoesAndReloadedAfter() throws IOException {
    Files.createDirectories(dir.resolve("run/systemd/system"));
    Path unit = dir.resolve("home/satinder/.config/systemd/user/camera-platform.service");
    Files.createDirectories(unit.getParent());
    Files.writeString(unit, "[Unit]\n");
    Path manifest = dir.resolve("var/lib/watchdog-menu/manifest.json");
    Files.createDirectories(manifest.getParent());
    Files.writeString(
        manifest,
        "{\"version\":1,\"applies\":[{\"id\":\"20250101T000000Z\",\"at\":\"2025-01-01T00:00:00Z\","
            + "\"title\":\"watchdog-menu units --user-service camera-platform\",\"changes\":[{"
            + "\"path\":\"/home/satinder/.config/systemd/user/camera-platform.service\","
            + "\"action\":\"write\",\"kind\":\"USER_UNIT\","
            + "\"feature\":\"user-unit/satinder/camera-platform.service\",\"sha256\":\""
            + FileMeta.sha256("[Unit]\n".getBytes())
            + "\",\"mode\":\"0644\",\"owner\":\"satinder\",\"group\":\"satinder\"}],"
            + "\"commands\":[]}]}");
    InstallTools installer = installer();
    assertThat(installer.installed(FeatureKey.userUnit("satinder", "camera-platform"))).isTrue();
    Plan plan = installer.planner().removeUserUnit("satinder", "camera-platform");
    assertThat(plan.commandLine()).endsWith("units --remove-user-service camera-platform");
    assertThat(plan.confirmation()).isEmpty();
    assertThat(plan.removals())
        .extracting(FileRemoval::path)
        .containsExactly("/home/satinder/.config/systemd/user/camera-platform.service");
    assertThat(plan.commands())
        .extracting(PlanCommand::display)
        .containsExactly(
            "systemctl --user --machine=satinder@ disable camera-platform.service",
            "systemctl --user --machine=satinder@ daemon-reload");
    assertThat(plan.commands().get(0).turnsOff()).isTrue();
    assertThat(plan.commands().get(1).turnsOff()).isFalse();
    assertThat(plan.commands().get(0).undo())
        .containsExactly(
            "systemctl", "--user", "--machine=satinder@", "enable", "camera-platform.service");
    assertThatThrownBy(() -> installer.planner().removeUserUnit("satinder", "other"))
        .isInstanceOf(InstallException.class)
        .hasMessageContaining("no user service other.service of satinder was installed");
  }

  @Test
  void lastChangeIsEmptyBeforeAnyApply() {
    assertThat(installer().lastChange()).isEqualTo(Optional.empty());
    apply(installer().planner().linger("ubuntu"));
    assertThat(installer().lastChange()).contains("linger ubuntu");
  }
}
