package org.watchdogmenu.alert;

import java.time.Duration;
import java.util.Map;
import org.watchdogmenu.model.Durations;

/**
 * A channel an operator adds ({@code watchdog-menu alert add-channel}, or the menu's form). Each
 * field is checked on its own with the rules and words of the alerts.yaml loader, so the menu, the
 * command line and the file say the same thing about the same mistake.
 *
 * @param name how results and logs name it, e.g. {@code ops-slack}
 * @param address the webhook's address, or the command as one line (split into words as a shell
 *     would, without running one)
 */
public record NewChannel(Kind kind, String name, String address, Duration timeout) {
  /** The longest name a new channel may have. */
  public static final int NAME_LENGTH = 64;

  /** The kinds of channel, as alerts.yaml names them. */
  public enum Kind {
    /** Slack, Mattermost, Rocket.Chat incoming webhooks: {@code {"text": "..."}}. */
    SLACK("slack", "Slack-compatible webhook"),
    /** Any endpoint that takes JSON: event, target, message, time, host, details. */
    WEBHOOK("webhook", "JSON webhook"),
    /** A program run without a shell. */
    COMMAND("command", "Command");

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
  }

  private static void refuse(String problem) {
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** What is wrong with a name for a new channel, or null when it will do. */
  public static String nameProblem(String name) {
    if (name == null || name.isBlank()) {
      return "give the channel a name, e.g. ops-slack";
    }
    if (!name.equals(name.strip())) {
      return "the name starts or ends with a blank: remove it";
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      return "the name holds a control character (a line break?): write it on one line";
    }
    if (name.length() > NAME_LENGTH) {
      return "the name is longer than " + NAME_LENGTH + " characters: shorten it";
    }
    return null;
  }

  /** What is wrong with the address (or command) of a channel of this kind, or null. */
  public static String addressProblem(Kind kind, String address) {
    try {
      spec(kind, "check", address, null);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
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

  /** What is wrong with a timeout as typed, or null. */
  public static String timeoutProblem(String text) {
    try {
      timeout(text);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** The channel as alerts.yaml holds it. */
  ChannelSpec spec() {
    return spec(kind, name, address, timeout);
  }

  private static ChannelSpec spec(Kind kind, String name, String address, Duration timeout) {
    String text = address == null ? "" : address.strip();
    return switch (kind) {
      case SLACK -> new ChannelSpec.Slack(name, timeout, WebUrl.parse(text));
      case WEBHOOK -> new ChannelSpec.Webhook(name, timeout, WebUrl.parse(text), Map.of());
      case COMMAND -> new ChannelSpec.Command(name, timeout, ShellWords.split(text));
    };
  }

  /**
   * The arguments of {@code alert add-channel} that add this channel, quoted for a shell, the
   * address masked: {@code alert add-channel ops --slack https://hooks.slack.com/****}.
   */
  public String commandLine() {
    String where =
        kind == Kind.COMMAND
            ? ShellWords.join(ShellWords.split(address.strip()))
            : AlertSecrets.addresses(address.strip());
    return "alert add-channel "
        + ShellWords.quote(name)
        + " --"
        + kind.key()
        + " "
        + ShellWords.quote(where)
        + (timeout.equals(ChannelSpec.DEFAULT_TIMEOUT)
            ? ""
            : " --timeout " + Durations.format(timeout));
  }
}
