package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.alert.Alerts;
import org.watchdogmenu.alert.NewChannel;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;

/** {@code alert add-channel} through plan and apply: 0600 root, channels kept, secrets masked. */
class AlertChannelPlanTest {
  private final MutableClock clock = MutableClock.at("2026-12-01T12:00:00Z");
  private static final String HOOK = "https://hooks.slack.com/services/T0/B0/t0ken";
  private static final String EXISTING =
      "remind_every: 1h\n"
          + "channels:\n"
          + "  - type: webhook\n"
          + "    name: pager\n"
          + "    url: https://alerts.example.com/hook?key=k3y\n"
          + "    headers:\n"
          + "      Authorization: Bearer s3cret\n";

  @TempDir Path dir;
  private Host host;
  private InstallTools installer;
  private Path file;

  @BeforeEach
  void setUp() {
    host = new Host(new HostRoot(dir), new ScriptedCommandRunner(), clock, clock, "root");
    installer = new InstallTools(host);
    file = dir.resolve("etc/watchdog-menu/alerts.yaml");
  }

  private void existing() throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, EXISTING);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
  }

  private static NewChannel slack() {
    return new NewChannel(NewChannel.Kind.SLACK, "ops", HOOK, null);
  }

  @Test
  void theFileIsWrittenMode0600RootAndTheLoaderReadsTheChannel() throws Exception {
    Plan plan = installer.planner().alertChannel(slack());
    assertThat(plan.commandLine())
        .isEqualTo(
            "watchdog-menu --root "
                + dir
                + " alert add-channel ops --slack 'https://hooks.slack.com/****'");
    assertThat(plan.preview())
        .contains("create  /etc/watchdog-menu/alerts.yaml  (0600 root:root)")
        .contains("+    url: https://hooks.slack.com/****")
        .doesNotContain("t0ken");

    installer.applier().apply(plan, new Applier.Options(false));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.getOwner(file).getName()).isEqualTo("root");
    assertThat(Files.readString(file)).contains("url: " + HOOK);
    assertThat(Alerts.load(host).channels()).containsExactly("ops");
    assertThat(Files.readString(dir.resolve("var/lib/watchdog-menu/manifest.json")))
        .contains("add-channel ops")
        .doesNotContain("t0ken");
  }

  @Test
  void existingChannelsAndSettingsAreKeptAndTheDiffHidesEverySecret() throws Exception {
    existing();
    Plan plan = installer.planner().alertChannel(slack());
    assertThat(plan.preview())
        .contains("replace /etc/watchdog-menu/alerts.yaml  (0600 root:root)")
        .contains("Authorization: ****", "https://alerts.example.com/****")
        .doesNotContain("t0ken", "k3y", "s3cret");

    installer.applier().apply(plan, new Applier.Options(false));

    assertThat(Alerts.load(host).channels()).containsExactly("pager", "ops");
    assertThat(Files.readString(file))
        .contains("remind_every: 1h", "Authorization: Bearer s3cret", "hook?key=k3y", HOOK);
  }

  @Test
  void undoPutsTheOldFileBackAndAFirstFileGoesAway() throws Exception {
    existing();
    installer
        .applier()
        .apply(installer.planner().alertChannel(slack()), new Applier.Options(false));
    Plan undo = installer.planner().undo();
    assertThat(undo.preview()).doesNotContain("t0ken", "k3y", "s3cret");
    installer.applier().apply(undo, new Applier.Options(false));
    assertThat(Files.readString(file)).isEqualTo(EXISTING);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");

    Files.delete(file);
    installer
        .applier()
        .apply(installer.planner().alertChannel(slack()), new Applier.Options(false));
    installer.applier().apply(installer.planner().undo(), new Applier.Options(false));
    assertThat(file).doesNotExist();
  }

  @Test
  void badInputIsOneLineAndNothingIsPlanned() throws Exception {
    assertThatThrownBy(() -> new NewChannel(NewChannel.Kind.SLACK, "ops", "hooks/t0ken", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "not a web address: start it with https:// (or http://), e.g. https://HOST/PATH");
    existing();
    byte[] before = Files.readAllBytes(file);
    assertThatThrownBy(
            () ->
                installer
                    .planner()
                    .alertChannel(new NewChannel(NewChannel.Kind.SLACK, "pager", HOOK, null)))
        .isInstanceOf(InstallException.class)
        .hasMessage(
            "/etc/watchdog-menu/alerts.yaml has a channel named 'pager' already: pick another"
                + " name");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    Files.writeString(file, "channels: [\n");
    assertThatThrownBy(() -> installer.planner().alertChannel(slack()))
        .isInstanceOf(InstallException.class)
        .hasMessageContaining("alerts.yaml line")
        .hasMessageNotContaining("\n");
    assertThat(Files.readString(file)).isEqualTo("channels: [\n");
    assertThat(dir.resolve("var/lib/watchdog-menu/manifest.json")).doesNotExist();
  }

  @Test
  void aCommandsSecretIsInItsEnvironmentAndNeverInAPlanATitleOrTheManifest() throws Exception {
    NewChannel notify =
        new NewChannel(
            NewChannel.Kind.COMMAND,
            "notify",
            "/usr/local/bin/notify --chat ops '{message}'",
            null,
            Map.of("TOKEN", "s3cr3t-t0ken"));
    assertThat(notify.toString()).doesNotContain("s3cr3t");
    Plan plan = installer.planner().alertChannel(notify);
    assertThat(plan.commandLine())
        .endsWith(
            "alert add-channel notify --command '/usr/local/bin/notify --chat ops {message}'"
                + " --env TOKEN");
    assertThat(plan.preview()).contains("+    env:", "+      TOKEN: ****").doesNotContain("s3cr3t");

    installer.applier().apply(plan, new Applier.Options(false));

    assertThat(Files.readString(file)).contains("TOKEN: s3cr3t-t0ken");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Alerts.load(host).describe())
        .containsExactly(
            "notify: Command /usr/local/bin/notify --chat ops {message} with environment"
                + " TOKEN=****, timeout 5s");
    assertThat(Files.readString(dir.resolve("var/lib/watchdog-menu/manifest.json")))
        .contains("add-channel notify")
        .doesNotContain("s3cr3t");
    assertThat(installer.planner().undo().preview()).doesNotContain("s3cr3t");
  }

  @Test
  void aCommandLineWithASecretInItIsRefusedInOneLine() {
    assertThat(
            NewChannel.addressProblem(
                    NewChannel.Kind.COMMAND, "/usr/local/bin/notify --token s3cr3t '{message}'")
                .orElseThrow())
        .startsWith("'command' gives a secret in its arguments (--token ****)")
        .doesNotContain("s3cr3t");
    assertThat(NewChannel.envProblem("TOKEN=s3cr3t CHAT=-100")).isEmpty();
    assertThat(NewChannel.maskedEnv("TOKEN=s3cr3t CHAT=-100")).isEqualTo("TOKEN=**** CHAT=****");
    assertThat(NewChannel.envProblem("TOKEN").orElseThrow())
        .startsWith("write each variable as NAME=VALUE");
    assertThat(NewChannel.envProblem("WATCHDOG_HOST=s3cr3t").orElseThrow())
        .contains("watchdog-menu sets the WATCHDOG_ variables itself")
        .doesNotContain("s3cr3t");
    assertThatThrownBy(
            () ->
                new NewChannel(NewChannel.Kind.SLACK, "ops", HOOK, null, Map.of("TOKEN", "s3cr3t")))
        .hasMessageStartingWith("only a command channel takes environment variables");
  }

  @Test
  void theValidatorWantsMode0600RootAndAFileTheLoaderReads() {
    AlertsValidator v = new AlertsValidator();
    String path = "/etc/watchdog-menu/alerts.yaml";
    assertThat(
            v.check(
                FileWrite.of(
                    path,
                    "channels: []\n",
                    FileKind.ALERTS,
                    "0644",
                    "root",
                    FeatureKey.Single.ALERTS)))
        .containsExactly(path + ": must be mode 0600 owned by root");
    assertThat(
            v.check(
                FileWrite.of(
                    path,
                    "chanels: []\n",
                    FileKind.ALERTS,
                    "0600",
                    "root",
                    FeatureKey.Single.ALERTS)))
        .singleElement()
        .asString()
        .startsWith(path + " line 1: unknown key 'chanels'");
    assertThat(
            v.check(
                FileWrite.of(
                    path,
                    "channels: []\n",
                    FileKind.ALERTS,
                    "0600",
                    "root",
                    FeatureKey.Single.ALERTS)))
        .isEqualTo(List.of());
  }
}
