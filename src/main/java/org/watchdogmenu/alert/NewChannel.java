package org.watchdogmenu.alert;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.watchdogmenu.model.Durations;

/**
 * A channel an operator adds ({@code watchdog-menu alert add-channel}, or the menu's form). Each
 * field is checked on its own with the rules and words of the alerts.yaml loader, so the menu, the
 * command line and the file say the same thing about the same mistake.
 *
 * @param name how results and logs name it, e.g. {@code ops-slack}
 * @param address the webhook's address, or the command as one line (split into words as a shell
 *     would, without running one); never a secret in a command's arguments
 * @param env a command's secrets, given to it in its environment and masked wherever the channel is
 *     shown
 */
public record NewChannel(
    Kind kind, String name, String address, Duration timeout, Map<String, String> env) {
  /** The longest name a new channel may have. */
  public static final int NAME_LENGTH = 64;

  /** The kinds of channel, as alerts.yaml names them. */
  public enum Kind {
    /** Slack, Mattermost, Rocket.Chat incoming webhooks: {@code {"text": "..."}}. */
    SLACK("slack", "Slack-compatible webhook"),
    /** Any endpoint that takes JSON: event, target, message, time, host, details. */
    WEBHOOK("webhook", "JSON webhook"),
    /** A program run without a shell. */
    COMMAND("command", "Command"),
    /** Prometheus Alertmanager's v2 API: failures fire, a recovery resolves. */
    ALERTMANAGER("alertmanager", "Alertmanager");

    private final String key;
    private final String words;

    Kind(String key, String words) {
      this.key = key;
      this.words = words;
    }

    /**
     * The {@code type} in alerts.yaml and the option of {@code add-channel}, e.g. {@code slack}.
     */
    public String key() {
      return key;
    }

    /** For people, e.g. {@code Slack-compatible webhook}. */
    public String words() {
      return words;
    }
  }

  /**
   * @throws IllegalArgumentException with the first problem of {@link #nameProblem}, {@link
   *     #addressProblem} (a web address is never repeated in it)
   */
  public NewChannel {
    refuse(nameProblem(name));
    refuse(addressProblem(kind, address));
    timeout = ChannelSpec.checked(timeout);
    env = env == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(env));
    if (!env.isEmpty() && kind != Kind.COMMAND) {
      throw new IllegalArgumentException(
          "only a command channel takes environment variables: a webhook's secret is its address");
    }
    if (kind == Kind.COMMAND) {
      spec(kind, name, address, timeout, env);
    }
  }

  /** A channel without environment variables. */
  public NewChannel(Kind kind, String name, String address, Duration timeout) {
    this(kind, name, address, timeout, Map.of());
  }

  private static void refuse(Optional<String> problem) {
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
  }

  /** What is wrong with a name for a new channel; empty when it will do. */
  public static Optional<String> nameProblem(String name) {
    if (name == null || name.isBlank()) {
      return Optional.of("give the channel a name, e.g. ops-slack");
    }
    if (!name.equals(name.strip())) {
      return Optional.of("the name starts or ends with a blank: remove it");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      return Optional.of(
          "the name holds a control character (a line break?): write it on one line");
    }
    if (name.length() > NAME_LENGTH) {
      return Optional.of("the name is longer than " + NAME_LENGTH + " characters: shorten it");
    }
    return Optional.empty();
  }

  /** What is wrong with the address (or command) of a channel of this kind; empty when fine. */
  public static Optional<String> addressProblem(Kind kind, String address) {
    if (kind != Kind.COMMAND && address != null && address.contains(AlertSecrets.MASK)) {
      return Optional.of(
          "this address is the masked form a preview shows ("
              + AlertSecrets.MASK
              + "): give the whole address");
    }
    try {
      spec(kind, "check", address, null, Map.of());
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * A command's environment as typed on one line, {@code TOKEN=abc CHAT=-100}: words split as a
   * shell would, each NAME=VALUE; empty for a blank line.
   *
   * @throws IllegalArgumentException one line that never repeats a value
   */
  public static Map<String, String> env(String line) {
    Map<String, String> env = new LinkedHashMap<>();
    List<String> words;
    try {
      words = ShellWords.split(line == null ? "" : line);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          e.getMessage().replace("the command", "the environment"), e);
    }
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "write each variable as NAME=VALUE, e.g. TOKEN=..., separated by blanks");
      }
      String name = word.substring(0, eq);
      refuse(envNameProblem(name));
      if (env.put(name, word.substring(eq + 1)) != null) {
        throw new IllegalArgumentException(name + " is given twice: give it once");
      }
    }
    ChannelSpec.Command.checkEnv(env);
    return env;
  }

  /** What is wrong with an environment line; empty when fine. */
  public static Optional<String> envProblem(String line) {
    try {
      env(line);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** What is wrong with the name of an environment variable; empty when fine. */
  public static Optional<String> envNameProblem(String name) {
    try {
      ChannelSpec.Command.checkEnv(Map.of(name == null ? "" : name, "x"));
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** An environment line as a form lists it: {@code TOKEN=**** CHAT=****}, values hidden. */
  public static String maskedEnv(String line) {
    try {
      return AlertSecrets.names(env(line).keySet());
    } catch (IllegalArgumentException e) {
      return line == null || line.isBlank() ? "" : AlertSecrets.MASK;
    }
  }

  /**
   * A timeout as typed, e.g. {@code 10s}.
   *
   * @throws IllegalArgumentException with the loader's words, e.g. {@code '0s' ... longer than 0}
   */
  public static Duration timeout(String text) {
    return ChannelSpec.checked(Durations.parse(text));
  }

  /** What is wrong with a timeout as typed; empty when fine. */
  public static Optional<String> timeoutProblem(String text) {
    try {
      timeout(text);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The channel as alerts.yaml holds it. */
  ChannelSpec spec() {
    return spec(kind, name, address, timeout, env);
  }

  private static ChannelSpec spec(
      Kind kind, String name, String address, Duration timeout, Map<String, String> env) {
    String text = address == null ? "" : address.strip();
    return switch (kind) {
      case SLACK -> new ChannelSpec.Slack(name, timeout, WebUrl.parse(text));
      case WEBHOOK -> new ChannelSpec.Webhook(name, timeout, WebUrl.parse(text), Map.of());
      case COMMAND -> new ChannelSpec.Command(name, timeout, ShellWords.split(text), env);
      case ALERTMANAGER -> new ChannelSpec.Alertmanager(name, timeout, WebUrl.parse(text));
    };
  }

  /**
   * The arguments of {@code alert add-channel} that add this channel, quoted for a shell, with no
   * secret in it: an address masked ({@code alert add-channel ops --slack
   * https://hooks.slack.com/****}), a command's environment by name only ({@code --env TOKEN}).
   */
  public String commandLine() {
    String where =
        kind == Kind.COMMAND
            ? AlertSecrets.addresses(ShellWords.join(ShellWords.split(address.strip())))
            : AlertSecrets.addresses(address.strip());
    StringBuilder line =
        new StringBuilder("alert add-channel ")
            .append(ShellWords.quote(name))
            .append(" --")
            .append(kind.key())
            .append(' ')
            .append(ShellWords.quote(where));
    env.keySet().forEach(k -> line.append(" --env ").append(k));
    if (!timeout.equals(ChannelSpec.DEFAULT_TIMEOUT)) {
      line.append(" --timeout ").append(Durations.format(timeout));
    }
    return line.toString();
  }

  /** Never the address or the environment's values. */
  @Override
  public String toString() {
    return "NewChannel[" + commandLine() + "]";
  }
}
