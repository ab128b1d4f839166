package org.watchdogmenu.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A secret written into a command channel's arguments is found and shown masked; words that only
 * name a secret (a file, a variable, a placeholder) are not.
 */
class CommandSecretsTest {
  /** Words of a line split on {@code |}, so that a word may hold blanks. */
  private static List<String> argv(String words) {
    return List.of(words.strip().split("\\|"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '`',
      value = {
        "/usr/local/bin/notify|--token|abc123                    ; --token ****",
        "/usr/local/bin/notify|--token=abc123                    ; --token=****",
        "/usr/local/bin/notify|-api-key|abc                      ; -api-key ****",
        "/usr/local/bin/notify|--password|hunter2                ; --password ****",
        "/usr/local/bin/notify|--auth|user:pw                    ; --auth ****",
        "/usr/local/bin/notify|--access_token|x                  ; --access_token ****",
        "/usr/bin/env|TOKEN=abc|/usr/local/bin/notify            ; TOKEN=****",
        "/usr/local/bin/notify|api_key=abc                       ; api_key=****",
        "/usr/bin/curl|-H|Authorization: Bearer abc|https://x.example.com ; Authorization: ****",
        "/usr/bin/curl|-H|X-Api-Key: abc|https://x.example.com   ; X-Api-Key: ****",
        "/usr/bin/curl|https://user:pw@alerts.example.com/hook   ; a password in https://alerts.example.com/****",
        "/usr/bin/curl|https://alerts.example.com/hook?token=abc ; token=****",
        "/usr/bin/curl|-d|x|https://hooks.slack.com/services/T0/B0/XXXX ; the webhook https://hooks.slack.com/****",
        "/usr/bin/curl|https://discord.com/api/webhooks/1/abc    ; the webhook https://discord.com/****",
        "/usr/bin/curl|https://api.telegram.org/bot123:ABC/sendMessage ; the webhook https://api.telegram.org/****",
        "/bin/sh|-c|exec /usr/local/bin/notify --token abc \"$WATCHDOG_MESSAGE\" ; --token ****",
        "/bin/sh|-c|curl -H 'Authorization: Bearer abc' https://x.example.com ; Authorization: ****",
        "/bin/sh|-c|TOKEN=abc /usr/local/bin/notify              ; TOKEN=****",
      })
  void aSecretInTheArgumentsIsFoundAndShownMasked(String words, String found) {
    assertThat(CommandSecrets.find(argv(words))).hasValue(found.strip());
    String problem = CommandSecrets.problem(argv(words)).orElseThrow();
    assertThat(problem)
        .startsWith("'command' gives a secret in its arguments (" + found.strip() + ")")
        .contains("put it in the channel's 'env'")
        .doesNotContain("abc", "hunter2", "XXXX", "pw@")
        .doesNotContain("\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '`',
      value = {
        "/usr/bin/logger|-t|watchdog-menu|{target} {event}: {message}",
        "/usr/local/bin/notify|--token|$TOKEN",
        "/usr/local/bin/notify|--token={message}",
        "/usr/local/bin/notify|--token-file|/etc/watchdog-menu/token",
        "/usr/local/bin/notify|--password-file=/root/pw",
        "/usr/local/bin/notify|--auth-type|bearer",
        "/usr/local/bin/notify|--token|--verbose",
        "/usr/local/bin/notify|--author|me",
        "/bin/sh|-c|printf '%s\\n' \"$WATCHDOG_MESSAGE\" | mail -s \"watchdog: $WATCHDOG_TARGET\" admin@example.com",
        "/bin/sh|-c|curl -sS -H \"Authorization: Bearer $TOKEN\" https://x.example.com/hook",
        "/bin/sh|-c|printf 'header = \"Authorization: Bearer %s\"\\n' \"$TOKEN\" | curl --config - https://x.example.com",
        "/usr/bin/curl|-d|{message}|https://alerts.example.com/hook",
        "/usr/bin/mail|-s|watchdog-menu: {target} {event}|admin@example.com",
      })
  void wordsThatOnlyNameASecretAreFine(String words) {
    assertThat(CommandSecrets.find(argv(words))).isEmpty();
  }
}
