package org.watchdogmenu.alert;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.watchdogmenu.model.Target;

/**
 * One thing worth telling a person.
 *
 * @param target the target id; monitor events use {@link #MONITOR}
 * @param message one line, e.g. {@code Restart DENIED: limit reached (5/5 per hour)}
 * @param details extra facts in a fixed order (e.g. {@code restarts: 5/5}), shown after the message
 */
public record AlertEvent(
    AlertKind kind, String target, Instant at, String message, Map<String, String> details) {

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
  }

  public static AlertEvent of(AlertKind kind, String target, Instant at, String message) {
    return new AlertEvent(kind, target, at, message, Map.of());
  }

  /** This event with another message, e.g. marked as a reminder. */
  AlertEvent withMessage(String newMessage) {
    return new AlertEvent(kind, target, at, newMessage, details);
  }

  /** The text people read: {@code paqet-server: restart-failed - MESSAGE}. */
  String headline() {
    return target + ": " + kind.key() + " - " + message;
  }

  private static String oneLine(String text) {
    return text.strip().replace("\r", " ").replace("\n", " ");
  }
}
