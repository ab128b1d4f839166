package org.watchdogmenu.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.HostRoot;

class AlertsFileTest {
  @TempDir Path root;

  private AlertsConfig read(String yaml, String mode) throws Exception {
    AlertFiles.write(root, yaml, mode);
    return AlertsFile.read(new HostRoot(root));
  }

  private String file() {
    return root.resolve("etc/watchdog-menu/alerts.yaml").toString();
  }

  @Test
  void aFullFileIsRead() throws Exception {
    AlertsConfig c =
        read(
            "remind_every: 2h\n"
                + "channels:\n"
                + "  - type: slack\n"
                + "    url: https://hooks.slack.com/services/T0/B0/x\n"
                + "  - type: webhook\n"
                + "    name: pager\n"
                + "    url: https://alerts.example.com/webhook?token=abc\n"
                + "    timeout: 10s\n"
                + "  - type: command\n"
                + "    command: [/usr/bin/logger, -t, watchdog-menu, '{message}']\n",
            "rw-------");

    assertThat(c.remindEvery()).isEqualTo(Duration.ofHours(2));
    assertThat(c.channels())
        .extracting(ChannelSpec::name)
        .containsExactly("slack hooks.slack.com", "pager", "command /usr/bin/logger");
    assertThat(c.channels())
        .extracting(ChannelSpec::timeout)
        .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(5));
  }

  @Test
  void anUnknownKeyNamesFileLineAndKey() {
    assertThatThrownBy(
            () ->
                read(
                    "channels:\n"
                        + "  - type: slack\n"
                        + "    url: https://hooks.slack.com/services/T0/B0/x\n"
                        + "    chanel: '#ops'\n",
                    "rw-------"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            file()
                + " line 4: unknown key 'chanel' in channels[0] (the keys here are name, timeout,"
                + " url)");
  }

  @Test
  void aSecretInAGroupReadableFileIsRefusedWithTheFix() {
    assertThatThrownBy(
            () ->
                read(
                    "channels:\n  - type: slack\n    url: https://hooks.slack.com/services/T/B/x\n",
                    "rw-r--r--"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            file()
                + " holds secrets (webhook addresses, env values) but is readable by group or others (mode"
                + " 0644): run chmod 600 "
                + file());
  }

  @Test
  void aCommandOnlyFileMayBeReadableButNeverWritableByOthers() throws Exception {
    String yaml = "channels:\n  - type: command\n    command: [/usr/bin/logger, '{message}']\n";
    assertThat(read(yaml, "rw-r--r--").channels()).hasSize(1);
    assertThatThrownBy(() -> read(yaml, "rw-rw-r--"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "refusing alerts file "
                + file()
                + ": it is writable by its group (mode 0664); run chmod go-w "
                + file());
  }

  @Test
  void aFileOfAnotherAccountIsRefusedLikeCronDoes() throws Exception {
    Path file =
        AlertFiles.write(
            root, "channels:\n  - type: command\n    command: [/usr/bin/logger]\n", "rw-------");
    Files.setAttribute(file, "unix:uid", 65534);

    assertThatThrownBy(() -> AlertsFile.read(new HostRoot(root)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("refusing alerts file " + file() + ": it belongs to ")
        .hasMessageContaining("wrong file owner")
        .hasMessageEndingWith("run chown root:root " + file());
  }

  @Test
  void anAliasIsRefusedNotReadAsItsName() {
    assertThatThrownBy(
            () ->
                read(
                    "channels:\n  - type: command\n    command: [&p /usr/bin/logger, *p]\n",
                    "rw-------"))
        .hasMessage(
            file()
                + " line 3: the anchor '&p' is not allowed: remove it and write each value out"
                + " (YAML anchors and aliases are refused)");
  }

  @Test
  void aBadUrlNamesItsLine() {
    assertThatThrownBy(
            () ->
                read(
                    "channels:\n"
                        + "  - type: command\n"
                        + "    command: [logger]\n"
                        + "  - type: webhook\n"
                        + "    url: ftp://example.com/hook\n",
                    "rw-------"))
        .hasMessage(
            file()
                + " line 5: 'channels[1].url': not a web address: start it with https:// (or"
                + " http://), e.g. https://HOST/PATH");
  }

  @Test
  void errorsNeverRepeatAWebhookAddress() {
    assertThatThrownBy(
            () ->
                read(
                    "channels:\n  - type: slack\n    url: hooks.slack.com/services/T0/B0/s3cret\n",
                    "rw-------"))
        .hasMessageContaining("line 3: 'channels[0].url': not a web address")
        .message()
        .doesNotContain("s3cret");
  }

  @Test
  void aSecretInACommandsArgumentsIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(
            () ->
                read(
                    "channels:\n"
                        + "  - type: command\n"
                        + "    command: [/usr/local/bin/notify, --token, s3cret, '{message}']\n",
                    "rw-------"))
        .hasMessage(
            file()
                + " line 3: 'channels[0].command' gives a secret in its arguments (--token ****),"
                + " which every account can read in the process list while it runs: put it in the"
                + " channel's 'env' (e.g. env: {TOKEN: ...}) and have the command read it from its"
                + " environment");
  }

  @Test
  void aCommandsEnvironmentIsASecretLikeAWebhook() throws Exception {
    String yaml =
        "channels:\n"
            + "  - type: command\n"
            + "    command: [/usr/local/bin/notify, '{message}']\n"
            + "    env: {TOKEN: s3cret}\n";
    assertThat(read(yaml, "rw-------").channels())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.describe())
                  .isEqualTo(
                      "Command /usr/local/bin/notify {message} with environment TOKEN=****,"
                          + " timeout 5s");
              assertThat(c.toString()).doesNotContain("s3cret");
            });
    assertThatThrownBy(() -> read(yaml, "rw-r--r--"))
        .hasMessageContaining("holds secrets (webhook addresses, env values)")
        .message()
        .doesNotContain("s3cret");
    for (String env :
        new String[] {
          "{WATCHDOG_MESSAGE: s3cret}",
          "{'1TOKEN': s3cret}",
          "{TOKEN: ''}",
          "{TOKEN: \"a\\ns3cret\"}"
        }) {
      assertThatThrownBy(
              () ->
                  read(
                      "channels:\n  - type: command\n    command: [/bin/true]\n    env: "
                          + env
                          + "\n",
                      "rw-------"))
          .as(env)
          .hasMessageContaining(" line 4: 'channels[0].env' ")
          .message()
          .doesNotContain("s3cret")
          .doesNotContain("\n");
    }
  }

  @Test
  void aBadDurationNamesItsKeyAndLine() {
    assertThatThrownBy(
            () ->
                read(
                    "remind_every: 1h\nchannels:\n  - type: command\n    command: [logger]\n"
                        + "    timeout: 5 seconds\n",
                    "rw-------"))
        .hasMessage(
            file()
                + " line 5: 'channels[0].timeout': '5 seconds' is not a duration: write a whole"
                + " number and a unit, e.g. 500ms, 5s, 2m, 1h, 1d");
  }

  @Test
  void anUnknownChannelTypeListsTheKnownOnes() {
    assertThatThrownBy(
            () -> read("channels:\n  - type: pager\n    url: https://x.example/\n", "rw-------"))
        .hasMessage(
            file()
                + " line 2: 'channels[0].type' must be one of slack, webhook, command, alertmanager, not 'pager'");
  }

  @Test
  void aMissingUrlSaysWhatIsNeeded() {
    assertThatThrownBy(() -> read("channels:\n  - type: slack\n    timeout: 5s\n", "rw-------"))
        .hasMessageStartingWith(file() + " line ")
        .hasMessageEndingWith("a slack channel needs 'url' (its incoming webhook)");
  }

  @Test
  void noFileMeansNoChannels() throws Exception {
    assertThat(AlertsFile.read(new HostRoot(root)).channels()).isEmpty();
  }
}
