package org.watchdogmenu.alert;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.Host;

/**
 * Runs a program without a shell. Each argument may hold the placeholders {@code {event}}, {@code
 * {target}}, {@code {message}}, {@code {time}} and {@code {host}}; the same values are in the
 * environment as {@code WATCHDOG_EVENT}, {@code WATCHDOG_TARGET}, {@code WATCHDOG_MESSAGE}, {@code
 * WATCHDOG_TIME} and {@code WATCHDOG_HOST}. The channel's own {@code env} (its secrets, such as a
 * token) is added to the environment, never to the arguments, and its values are masked in what the
 * program printed. Standard input is empty. Exit status 0 counts as delivered; on timeout the
 * program's whole process tree is killed.
 */
final class CommandChannel implements Channel {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{(event|target|message|time|host)\\}");

  private final String name;
  private final Duration timeout;
  private final List<String> argv;
  private final Map<String, String> secrets;
  private final Host host;
  private final String hostName;

  CommandChannel(String name, Duration timeout, List<String> argv, Host host, String hostName) {
    this(name, timeout, argv, Map.of(), host, hostName);
  }

  CommandChannel(
      String name,
      Duration timeout,
      List<String> argv,
      Map<String, String> secrets,
      Host host,
      String hostName) {
    this.name = name;
    this.timeout = timeout;
    this.argv = argv;
    this.secrets = Map.copyOf(secrets);
    this.host = host;
    this.hostName = hostName;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Duration timeout() {
    return timeout;
  }

  @Override
  public ChannelResult send(AlertEvent event) {
    Map<String, String> values = values(event);
    List<String> expanded = new ArrayList<>();
    for (String arg : argv) {
      expanded.add(
          PLACEHOLDER
              .matcher(arg)
              .replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1)))));
    }
    Map<String, String> env = new HashMap<>(secrets);
    values.forEach((k, v) -> env.put("WATCHDOG_" + k.toUpperCase(Locale.ROOT), v));
    CommandResult r = host.runner().run(new Command(expanded, timeout, null, env));
    String detail = AlertSecrets.values(r.summary(), secrets.values());
    return new ChannelResult(name, r.succeeded(), detail, r.elapsed());
  }

  private Map<String, String> values(AlertEvent event) {
    return Map.of(
        "event", event.kind().key(),
        "target", event.target(),
        "message", event.message(),
        "time", event.at().truncatedTo(ChronoUnit.SECONDS).toString(),
        "host", hostName);
  }
}
