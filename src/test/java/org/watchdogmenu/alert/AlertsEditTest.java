package org.watchdogmenu.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.HostRoot;

/**
 * A new channel: field checks in the loader's words, and the new text of alerts.yaml read back by
 * the loader with every channel and setting kept.
 */
class AlertsEditTest {
  private static final String SLACK = "https://hooks.slack.com/services/T0/B0/t0ken";

  @TempDir Path root;

  private AlertsConfig afterAdding(NewChannel channel) throws Exception {
    String text = AlertsEdit.withChannel(new HostRoot(root), channel);
    AlertFiles.write(root, text, "rw-------");
    return AlertsFile.read(new HostRoot(root));
  }

  @Test
  void theFieldChecksSayWhatTheLoaderSays() throws Exception {
    String problem =
        NewChannel.addressProblem(NewChannel.Kind.SLACK, "hooks.slack.com/x").orElseThrow();
    assertThat(problem).startsWith("not a web address: start it with https://");
    AlertFiles.write(root, "channels:\n  - type: slack\n    url: hooks.slack.com/x\n", "rw-------");
    assertThatThrownBy(() -> AlertsFile.read(new HostRoot(root))).hasMessageEndingWith(problem);

    String zero = NewChannel.timeoutProblem("0s").orElseThrow();
    assertThat(zero).isEqualTo("'timeout' must be longer than 0, e.g. 5s");
    AlertFiles.write(
        root, "channels:\n  - type: command\n    command: [x]\n    timeout: 0s\n", "rw-------");
    assertThatThrownBy(() -> AlertsFile.read(new HostRoot(root)))
        .hasMessageContaining("'channels[0].timeout' must be longer than 0, e.g. 5s");

    assertThat(NewChannel.timeoutProblem("soon").orElseThrow())
        .contains("'soon' is not a duration");
    assertThat(NewChannel.addressProblem(NewChannel.Kind.COMMAND, " ").orElseThrow())
        .startsWith("a command channel needs 'command'");
    assertThat(NewChannel.nameProblem("")).hasValue("give the channel a name, e.g. ops-slack");
    assertThat(NewChannel.nameProblem("a\nb").orElseThrow())
        .startsWith("the name holds a control character");
    assertThat(NewChannel.nameProblem("x".repeat(65)).orElseThrow()).contains("longer than 64");
  }

  @Test
  void aBadAddressIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(
            () -> new NewChannel(NewChannel.Kind.WEBHOOK, "pager", "ftp://x/s3cret", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void theMaskedAddressAPreviewShowsIsRefused() {
    // a plan's command line shows https://HOST/****: pasted back, it must not become a channel
    assertThat(
            NewChannel.addressProblem(
                NewChannel.Kind.SLACK, "https://hooks.slack.com/" + AlertSecrets.MASK))
        .hasValue("this address is the masked form a preview shows (****): give the whole address");
    assertThat(NewChannel.addressProblem(NewChannel.Kind.WEBHOOK, "https://alerts.example.com/x"))
        .isEmpty();
  }

  @Test
  void everyChannelAndSettingThereIsKept() throws Exception {
    AlertFiles.write(
        root,
        "# hand-written\n"
            + "remind_every: 2h\n"
            + "channels:\n"
            + "  - type: slack\n"
            + "    url: https://hooks.slack.com/services/T0/B0/x\n"
            + "  - type: webhook\n"
            + "    name: pager\n"
            + "    url: https://alerts.example.com/webhook?token=abc\n"
            + "    headers: {X-B: two, Authorization: Bearer s3cret}\n"
            + "    timeout: 10s\n"
            + "  - type: command\n"
            + "    command: [/usr/bin/logger, -t, watchdog-menu, '{message}']\n",
        "rw-------");
    AlertsConfig before = AlertsFile.read(new HostRoot(root));

    AlertsConfig after =
        afterAdding(
            new NewChannel(
                NewChannel.Kind.COMMAND, "mail", "/usr/bin/mail -s 'watchdog' ops", null));

    assertThat(after.remindEvery()).isEqualTo(Duration.ofHours(2));
    assertThat(after.channels()).startsWith(before.channels().toArray(new ChannelSpec[0]));
    assertThat(after.channels().get(3))
        .isEqualTo(
            new ChannelSpec.Command(
                "mail", null, List.of("/usr/bin/mail", "-s", "watchdog", "ops")));
    String text = AlertsEdit.withChannel(new HostRoot(root), slack("second"));
    assertThat(text)
        .startsWith(AlertsYaml.HEADER)
        .contains("    headers:\n      Authorization: Bearer s3cret\n      X-B: two\n")
        .doesNotContain("name: slack hooks.slack.com");
  }

  @Test
  void namesAndWordsThatYamlWouldMisreadComeBackAsWritten() throws Exception {
    for (String name : List.of("123", "yes", "null", "a: b", "#x", "it's", "- x", "~", "0x1F")) {
      List<String> argv = List.of("/bin/echo", name, "a: b");
      NewChannel c = new NewChannel(NewChannel.Kind.COMMAND, name, ShellWords.join(argv), null);
      ChannelSpec back = afterAdding(c).channels().get(0);
      assertThat(back.name()).isEqualTo(name);
      assertThat(((ChannelSpec.Command) back).command()).isEqualTo(argv);
      AlertFiles.write(root, "", "rw-------");
    }
  }

  @Test
  void aNameThatIsTakenOrABrokenFileIsOneLine() throws Exception {
    AlertFiles.write(root, "channels:\n  - type: slack\n    url: " + SLACK + "\n", "rw-------");
    assertThatThrownBy(
            () -> AlertsEdit.withChannel(new HostRoot(root), slack("slack hooks.slack.com")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "/etc/watchdog-menu/alerts.yaml has a channel named 'slack hooks.slack.com'"
                + " already: pick another name");
    AlertFiles.write(root, "channels:\n  - type: slack\n    url: " + SLACK + "\n", "rw-r--r--");
    assertThatThrownBy(() -> AlertsEdit.withChannel(new HostRoot(root), slack("ops")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("chmod 600")
        .hasMessageNotContaining("t0ken");
  }

  @Test
  void aCandidateIsCheckedByTheLoaderAndNamedByItsHostPath() {
    assertThat(AlertsEdit.problems("channels: []\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(
            AlertsEdit.problems(
                "channels:\n  - type: command\n    command: [x]\n    timout: 1s\n"
                    .getBytes(StandardCharsets.UTF_8)))
        .singleElement()
        .asString()
        .startsWith("/etc/watchdog-menu/alerts.yaml line 4: unknown key 'timout'");
  }

  @Test
  void aChannelDescribesItselfWithItsSecretsMasked() {
    assertThat(slack("ops").spec().describe())
        .isEqualTo("Slack-compatible webhook https://hooks.slack.com/****, timeout 5s");
    ChannelSpec webhook =
        new ChannelSpec.Webhook(
            "pager",
            Duration.ofSeconds(10),
            WebUrl.parse("https://alerts.example.com/x?token=abc"),
            Map.of("Authorization", "Bearer s3cret"));
    assertThat(webhook.describe())
        .isEqualTo(
            "JSON webhook https://alerts.example.com/**** with headers [Authorization],"
                + " timeout 10s");
    assertThat(slack("ops").commandLine())
        .isEqualTo("alert add-channel ops --slack 'https://hooks.slack.com/****'");
  }

  private static NewChannel slack(String name) {
    return new NewChannel(NewChannel.Kind.SLACK, name, SLACK, null);
  }
}
