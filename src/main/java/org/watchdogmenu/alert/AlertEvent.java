package org.watchdogmenu.alert;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.watchdogmenu.model.Target;

/**
 * One thing worth telling a person.
 *
 * @param target the target id; monitor events use {@link #MONITOR}
 * @param message one line, e.g. {@code Restart DENIED: limit reached (5/5 per hour)}
 * @param details extra facts in a fixed order (e.g. {@code restarts: 5/5}), shown after the message
 * @param origin the target's system and role, for receivers that label alerts (Alertmanager); empty
 *     for the monitor's own events and tests
 */
public record AlertEvent(
    AlertKind kind,
    String target,
    Instant at,
    String message,
    Map<String, String> details,
    Optional<Origin> origin) {

  /**
   * Where a target belongs in the catalog.
   *
   * @param system e.g. {@code paqet}, {@code custom}
   * @param role e.g. {@code server}; empty when the system has no roles
   */
  public record Origin(String system, Optional<String> role) {
    public Origin {
      if (system == null || system.isBlank()) {
        throw new IllegalArgumentException("an origin needs a system");
      }
      role = role == null ? Optional.empty() : role.filter(r -> !r.isBlank());
    }
  }

  /** The target name of the continuous monitor's own events. */
  public static final String MONITOR = "watchdog-monitor";

  public AlertEvent {
    if (kind == null || at == null) {
      throw new IllegalArgumentException("an alert needs a kind and a time");
    }
    if (!Target.isValidId(target)) {
      throw new IllegalArgumentException("'" + target + "' is not a target id");
    }
    message = oneLine(message == null ? "" : message);
    details =
        details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    origin = origin == null ? Optional.empty() : origin;
  }

  /** An event without an origin (the monitor's own events, tests, a command line's). */
  public AlertEvent(
      AlertKind kind, String target, Instant at, String message, Map<String, String> details) {
    this(kind, target, at, message, details, Optional.empty());
  }

  public static AlertEvent of(AlertKind kind, String target, Instant at, String message) {
    return new AlertEvent(kind, target, at, message, Map.of());
  }

  /** An event about {@code target}, carrying its system and role. */
  public static AlertEvent of(AlertKind kind, Target target, Instant at, String message) {
    return new AlertEvent(
        kind,
        target.id(),
        at,
        message,
        Map.of(),
        Optional.of(new Origin(target.system(), Optional.ofNullable(target.role()))));
  }

  /** This event with another message, e.g. marked as a reminder. */
  AlertEvent withMessage(String newMessage) {
    return new AlertEvent(kind, target, at, newMessage, details, origin);
  }

  /** The text people read: {@code paqet-server: restart-failed - MESSAGE}. */
  String headline() {
    return target + ": " + kind.key() + " - " + message;
  }

  private static String oneLine(String text) {
    return text.strip().replace("\r", " ").replace("\n", " ");
  }
}
