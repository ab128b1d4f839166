package org.watchdogmenu.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.Programs;

/**
 * A system unit ({@code systemctl ...}) or a user's unit ({@code systemctl --user --machine=USER@
 * ...}, which reaches the user's manager without a login session).
 */
final class SystemdControl implements ServiceControl {
  private final Host host;
  private final String unit;
  private final String user;
  private final Duration restartTimeout;

  /**
   * @param user the owner of a user unit, or null for a system unit
   */
  SystemdControl(Host host, String unit, String user, Duration restartTimeout) {
    this.host = host;
    this.unit = unit;
    this.user = user;
    this.restartTimeout = restartTimeout;
  }

  @Override
  public ServiceState state() {
    CommandResult r =
        host.runner()
            .run(
                systemctl(
                    ServiceControls.QUERY_TIMEOUT,
                    "show",
                    unit,
                    "--property=LoadState,ActiveState,SubState,ActiveEnterTimestamp",
                    "--timestamp=unix"));
    if (r.programMissing()) {
      return ServiceState.unknown(Programs.missing("systemctl"));
    }
    if (!r.succeeded()) {
      return ServiceState.unknown("systemctl show " + unit + " " + r.summary());
    }
    Map<String, String> p = properties(r.stdout());
    if ("not-found".equals(p.get("LoadState"))) {
      return ServiceState.unknown("unit " + unit + " is not installed");
    }
    String active = p.getOrDefault("ActiveState", "unknown");
    String sub = p.getOrDefault("SubState", "");
    switch (active) {
      case "active":
      case "reloading":
        return ServiceState.active(timestamp(p.get("ActiveEnterTimestamp")));
      case "activating":
        return ServiceState.active(Optional.of(host.clock().instant()));
      default:
        return ServiceState.inactive(active + (sub.isEmpty() ? "" : " (" + sub + ")"));
    }
  }

  @Override
  public List<RestartStep> restartSteps() {
    Command restart = systemctl(restartTimeout, "restart", unit);
    return List.of(new RestartStep(restart.display(), restart));
  }

  private Command systemctl(Duration timeout, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add("systemctl");
    if (user != null) {
      argv.add("--user");
      argv.add("--machine=" + user + "@");
    }
    argv.addAll(List.of(args));
    return Command.of(timeout, argv);
  }

  private static Map<String, String> properties(String out) {
    Map<String, String> p = new HashMap<>();
    for (String line : out.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        p.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
      }
    }
    return p;
  }

  /** {@code @1739515200} as printed with {@code --timestamp=unix}; empty or 0 means never. */
  private static Optional<Instant> timestamp(String text) {
    if (text == null || !text.startsWith("@")) {
      return Optional.empty();
    }
    try {
      long epoch = Long.parseLong(text.substring(1));
      return epoch > 0 ? Optional.of(Instant.ofEpochSecond(epoch)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
