package org.watchdogmenu.alert;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.watchdogmenu.model.Durations;

/** One channel as written in alerts.yaml. Every channel has an optional name and a timeout. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ChannelSpec.Slack.class, name = "slack"),
  @JsonSubTypes.Type(value = ChannelSpec.Webhook.class, name = "webhook"),
  @JsonSubTypes.Type(value = ChannelSpec.Command.class, name = "command")
})
sealed interface ChannelSpec {
  Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  String name();

  Duration timeout();

  /** Whether the channel's settings are secret (a webhook address is its own password). */
  boolean holdsSecrets();

  /**
   * What it is and where it sends, secrets masked, e.g. {@code Slack-compatible webhook
   * https://hooks.slack.com/****, timeout 5s}.
   */
  String describe();

  /** The timeout as given, or the default; refused when it is not longer than 0. */
  static Duration checked(Duration timeout) {
    if (timeout == null) {
      return DEFAULT_TIMEOUT;
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("'timeout' must be longer than 0, e.g. 5s");
    }
    return timeout;
  }

  /** A Slack (or Slack-compatible: Mattermost, Rocket.Chat) incoming webhook. */
  record Slack(String name, Duration timeout, WebUrl url) implements ChannelSpec {
    public Slack {
      timeout = checked(timeout);
      if (url == null) {
        throw new IllegalArgumentException("a slack channel needs 'url' (its incoming webhook)");
      }
      name = name == null ? defaultName(url) : name;
    }

    static String defaultName(WebUrl url) {
      return "slack " + url.host();
    }

    /** Never the address. */
    @Override
    public String toString() {
      return "Slack[" + name + ": " + describe() + "]";
    }

    @Override
    public boolean holdsSecrets() {
      return true;
    }

    @Override
    public String describe() {
      return NewChannel.Kind.SLACK.words()
          + " "
          + url.masked()
          + ", timeout "
          + Durations.format(timeout);
    }
  }

  /** Any HTTP endpoint that takes a JSON body, with optional headers (e.g. Authorization). */
  record Webhook(String name, Duration timeout, WebUrl url, Map<String, String> headers)
      implements ChannelSpec {
    public Webhook {
      timeout = checked(timeout);
      if (url == null) {
        throw new IllegalArgumentException("a webhook channel needs 'url'");
      }
      headers = headers == null ? Map.of() : Map.copyOf(headers);
      name = name == null ? defaultName(url) : name;
    }

    static String defaultName(WebUrl url) {
      return "webhook " + url.host();
    }

    /** Never the address or the values of {@code headers}. */
    @Override
    public String toString() {
      return "Webhook[" + name + ": " + describe() + "]";
    }

    @Override
    public boolean holdsSecrets() {
      return true;
    }

    @Override
    public String describe() {
      String with = headers.isEmpty() ? "" : " with headers " + new TreeSet<>(headers.keySet());
      return NewChannel.Kind.WEBHOOK.words()
          + " "
          + url.masked()
          + with
          + ", timeout "
          + Durations.format(timeout);
    }
  }

  /**
   * A program run without a shell, e.g. {@code mail}. Secrets it needs go in {@code env}: they
   * reach the program in its environment, never in its arguments (which every account can read in
   * the process list), and are shown as {@value AlertSecrets#MASK} everywhere.
   */
  record Command(String name, Duration timeout, List<String> command, Map<String, String> env)
      implements ChannelSpec {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    public Command {
      timeout = checked(timeout);
      if (command == null || command.isEmpty() || command.get(0).isBlank()) {
        throw new IllegalArgumentException(
            "a command channel needs 'command', a list such as [\"/usr/bin/logger\", \"{message}\"]");
      }
      command = List.copyOf(command);
      String secret = CommandSecrets.problem(command);
      if (secret != null) {
        throw new IllegalArgumentException(secret);
      }
      env = checkEnv(env);
      name = name == null ? defaultName(command) : name;
    }

    Command(String name, Duration timeout, List<String> command) {
      this(name, timeout, command, null);
    }

    /**
     * The environment sorted and unmodifiable.
     *
     * @throws IllegalArgumentException one line that names the variable, never its value
     */
    static Map<String, String> checkEnv(Map<String, String> env) {
      if (env == null) {
        return Map.of();
      }
      for (Map.Entry<String, String> e : env.entrySet()) {
        String key = e.getKey();
        if (key == null || !ENV_NAME.matcher(key).matches()) {
          throw new IllegalArgumentException(
              "'env' names a variable '"
                  + key
                  + "' that is not a name: use letters, digits and _, not starting with a digit");
        }
        if (key.startsWith("WATCHDOG_")) {
          throw new IllegalArgumentException(
              "'env' sets "
                  + key
                  + ", but watchdog-menu sets the WATCHDOG_ variables itself: pick another name");
        }
        String value = e.getValue();
        if (value == null || value.isEmpty()) {
          throw new IllegalArgumentException("'env' gives " + key + " no value: give its value");
        }
        if (value.chars().anyMatch(c -> c == 0 || Character.isISOControl(c) && c != '\t')) {
          throw new IllegalArgumentException(
              "'env' " + key + " holds a line break or a control character: give it on one line");
        }
      }
      return Collections.unmodifiableSortedMap(new TreeMap<>(env));
    }

    static String defaultName(List<String> command) {
      return "command " + command.get(0);
    }

    @Override
    public boolean holdsSecrets() {
      return !env.isEmpty();
    }

    @Override
    public String describe() {
      return NewChannel.Kind.COMMAND.words()
          + " "
          + AlertSecrets.addresses(ShellWords.join(command))
          + (env.isEmpty() ? "" : " with environment " + AlertSecrets.names(env.keySet()))
          + ", timeout "
          + Durations.format(timeout);
    }

    /** Never the values of {@code env}. */
    @Override
    public String toString() {
      return "Command[" + name + ": " + describe() + "]";
    }
  }
}
