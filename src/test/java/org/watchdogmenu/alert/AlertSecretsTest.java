package org.watchdogmenu.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Webhook addresses and header values never show in clear, and a masked file keeps its lines. */
class AlertSecretsTest {
  @Test
  void anAddressKeepsSchemeAndHostOnly() {
    assertThat(AlertSecrets.addresses("https://hooks.slack.com/services/T0/B0/XXXX"))
        .isEqualTo("https://hooks.slack.com/****");
    assertThat(AlertSecrets.addresses("url: http://127.0.0.1:8080/hook?token=abc and more"))
        .isEqualTo("url: http://127.0.0.1:8080/**** and more");
    assertThat(AlertSecrets.addresses("https://user:pw@alerts.example.com"))
        .isEqualTo("https://alerts.example.com/****");
    assertThat(AlertSecrets.addresses("https://alerts.example.com"))
        .isEqualTo("https://alerts.example.com");
  }

  @Test
  void aFileLosesItsSecretsLineForLine() {
    String yaml =
        "remind_every: 1h   # https://wiki.example.com/alerts\n"
            + "channels:\n"
            + "  - type: webhook\n"
            + "    url: \"https://alerts.example.com/webhook?token=abc\"\n"
            + "    headers:\n"
            + "      Authorization: Bearer s3cret\n"
            + "      # a comment stays\n"
            + "      X-Key: 'k3y'\n"
            + "    timeout: 10s\n"
            + "  - headers: {Authorization: Bearer fl0w}\n"
            + "    type: webhook\n"
            + "    url: https://hooks.example.com/p4th\n";
    String masked = AlertSecrets.file(yaml);
    assertThat(masked)
        .doesNotContain("token=abc", "s3cret", "k3y", "fl0w", "p4th")
        .contains("url: \"https://alerts.example.com/****\"")
        .contains("      Authorization: ****", "      X-Key: ****", "      # a comment stays")
        .contains("    timeout: 10s", "  - headers: {****}")
        .contains("https://wiki.example.com/****");
    assertThat(masked.split("\n", -1)).hasSameSizeAs(yaml.split("\n", -1));
  }

  @Test
  void aCommandsEnvironmentKeepsItsNamesAndLosesItsValues() {
    String yaml =
        "channels:\n"
            + "  - type: command\n"
            + "    command: [/usr/local/bin/notify, '{message}']\n"
            + "    env:\n"
            + "      TOKEN: s3cret\n"
            + "      CHAT: \"-100123\"\n"
            + "    timeout: 10s\n"
            + "  - type: command\n"
            + "    command: [/usr/local/bin/page]\n"
            + "    env: {PAGER_KEY: k3y}\n";
    String masked = AlertSecrets.file(yaml);
    assertThat(masked)
        .doesNotContain("s3cret", "100123", "k3y")
        .contains("      TOKEN: ****", "      CHAT: ****", "    timeout: 10s", "    env: {****}");
    assertThat(masked.split("\n", -1)).hasSameSizeAs(yaml.split("\n", -1));
    assertThat(AlertSecrets.names(java.util.List.of("CHAT", "TOKEN")))
        .isEqualTo("CHAT=**** TOKEN=****");
    assertThat(AlertSecrets.values("exit 1: bad token s3cret", java.util.List.of("s3cret")))
        .isEqualTo("exit 1: bad token ****");
  }
}
