package org.watchdogmenu.alert;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.watchdogmenu.model.Durations;

/** One channel as written in alerts.yaml. Every channel has an optional name and a timeout. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ChannelSpec.Slack.class, name = "slack"),
  @JsonSubTypes.Type(value = ChannelSpec.Webhook.class, name = "webhook"),
  @JsonSubTypes.Type(value = ChannelSpec.Command.class, name = "command"),
  @JsonSubTypes.Type(value = ChannelSpec.Alertmanager.class, name = "alertmanager")
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
      Optional<String> secret = CommandSecrets.problem(command);
      if (secret.isPresent()) {
        throw new IllegalArgumentException(secret.get());
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

  /**
   * Prometheus Alertmanager's v2 API ({@code POST URL/api/v2/alerts}): a failure fires an alert
   * labelled alertname, host, target, system, role, event, severity (plus {@code labels}); the
   * target's recovery ends it. Its credentials (a bearer token or basic auth) are secrets: written
   * here (the file is 0600 then) or read from a root-only file at each send.
   *
   * @param labels extra labels on every alert, e.g. {@code team: ops}
   * @param expire how long a firing alert lasts when it is neither repeated nor resolved (a host
   *     that went away); default {@link #DEFAULT_EXPIRE}
   */
  record Alertmanager(
      String name,
      Duration timeout,
      WebUrl url,
      Map<String, String> labels,
      String bearerToken,
      String bearerTokenFile,
      BasicAuth basicAuth,
      Duration expire)
      implements ChannelSpec {
    static final Duration DEFAULT_EXPIRE = Duration.ofHours(24);

    /** The labels the tool sets itself; {@code labels} may not name them. */
    static final Set<String> OWN_LABELS =
        Set.of("alertname", "host", "target", "system", "role", "event", "severity");

    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,127}");

    public Alertmanager {
      timeout = checked(timeout);
      if (url == null) {
        throw new IllegalArgumentException(
            "an alertmanager channel needs 'url', its address, e.g. http://127.0.0.1:9093");
      }
      if (url.uri().getRawQuery() != null || url.uri().getRawFragment() != null) {
        throw new IllegalArgumentException(
            "the alertmanager address takes no ?query or #part: give it as http://HOST:9093 (or"
                + " with the path it is served under)");
      }
      labels = checkLabels(labels);
      if (bearerToken != null && bearerTokenFile != null) {
        throw new IllegalArgumentException("give 'bearer_token' or 'bearer_token_file', not both");
      }
      if ((bearerToken != null || bearerTokenFile != null) && basicAuth != null) {
        throw new IllegalArgumentException("give a bearer token or 'basic_auth', not both");
      }
      if (bearerToken != null) {
        Secret.checkValue("bearer_token", bearerToken);
      }
      if (bearerTokenFile != null) {
        Secret.checkPath("bearer_token_file", bearerTokenFile);
      }
      if (expire == null) {
        expire = DEFAULT_EXPIRE;
      } else if (expire.isZero() || expire.isNegative()) {
        throw new IllegalArgumentException("'expire' must be longer than 0, e.g. 24h");
      }
      name = name == null ? defaultName(url) : name;
    }

    /** A channel with only an address, as {@code alert add-channel --alertmanager URL} adds it. */
    Alertmanager(String name, Duration timeout, WebUrl url) {
      this(name, timeout, url, null, null, null, null, null);
    }

    static String defaultName(WebUrl url) {
      return "alertmanager " + url.host();
    }

    static Map<String, String> checkLabels(Map<String, String> labels) {
      if (labels == null) {
        return Map.of();
      }
      for (Map.Entry<String, String> e : labels.entrySet()) {
        String key = e.getKey();
        if (key == null || !LABEL.matcher(key).matches() || key.startsWith("__")) {
          throw new IllegalArgumentException(
              "'labels' names a label '"
                  + key
                  + "' that Alertmanager refuses: use letters, digits and _, not starting with a"
                  + " digit or __");
        }
        if (OWN_LABELS.contains(key)) {
          throw new IllegalArgumentException(
              "'labels' sets "
                  + key
                  + ", which watchdog-menu sets itself on every alert: pick another name");
        }
        String value = e.getValue();
        if (value == null || value.isBlank()) {
          throw new IllegalArgumentException(
              "'labels' gives " + key + " no value: give it one, e.g. " + key + ": ops");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
          throw new IllegalArgumentException(
              "'labels' " + key + " holds a line break or a control character: one line");
        }
      }
      return Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    /** The credentials, if any. */
    Optional<Secret> credentials() {
      if (bearerToken != null) {
        return Optional.of(new Secret.Bearer(Secret.Source.inline(bearerToken)));
      }
      if (bearerTokenFile != null) {
        return Optional.of(new Secret.Bearer(Secret.Source.file(bearerTokenFile)));
      }
      if (basicAuth != null) {
        return Optional.of(
            new Secret.Basic(
                basicAuth.username(),
                basicAuth.password() != null
                    ? Secret.Source.inline(basicAuth.password())
                    : Secret.Source.file(basicAuth.passwordFile())));
      }
      return Optional.empty();
    }

    @Override
    public boolean holdsSecrets() {
      return bearerToken != null
          || basicAuth != null && basicAuth.password() != null
          || url.uri().getRawUserInfo() != null;
    }

    @Override
    public String describe() {
      return NewChannel.Kind.ALERTMANAGER.words()
          + " "
          + url.masked()
          + (labels.isEmpty() ? "" : " with labels " + labels.keySet())
          + credentials().map(c -> ", " + c.describe()).orElse("")
          + ", timeout "
          + Durations.format(timeout);
    }

    /** Never the token or the password. */
    @Override
    public String toString() {
      return "Alertmanager[" + name + ": " + describe() + "]";
    }
  }

  /**
   * Basic auth for an Alertmanager behind a proxy: the password here or in a root-only file.
   *
   * @param passwordFile an absolute path, mode 0600 root; its first line is the password
   */
  record BasicAuth(String username, String password, String passwordFile) {
    public BasicAuth {
      if (username == null || username.isEmpty()) {
        throw new IllegalArgumentException("'basic_auth' needs 'username'");
      }
      if (username.contains(":") || username.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException(
            "the 'basic_auth' username holds a colon or a control character: basic auth cannot"
                + " carry it");
      }
      if ((password == null) == (passwordFile == null)) {
        throw new IllegalArgumentException(
            "'basic_auth' needs 'password' or 'password_file' (one of them)");
      }
      if (password != null) {
        Secret.checkValue("basic_auth password", password);
      } else {
        Secret.checkPath("basic_auth password_file", passwordFile);
      }
    }

    /** Never the password. */
    @Override
    public String toString() {
      return "BasicAuth[" + username + "]";
    }
  }
}
