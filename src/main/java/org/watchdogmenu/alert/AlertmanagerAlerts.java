package org.watchdogmenu.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The body of {@code POST /api/v2/alerts}: a list of alerts, each with labels (what identifies it
 * in Alertmanager), annotations (what people read), {@code startsAt} and {@code endsAt}.
 *
 * <ul>
 *   <li>A failure ({@code restart-failed}, {@code limit-reached}, {@code check-unknown}) fires an
 *       alert that lasts until the target recovers, or {@code expire} at the longest.
 *   <li>{@code recovered} ends every failure alert of the target: the same labels as each one had,
 *       {@code endsAt} now. Alertmanager drops the end of an alert it never had.
 *   <li>Other events ({@code restart-done}, the monitor's start and stop, a test) are notices that
 *       fire for {@link #NOTICE} and end by themselves. A restart that brought the target back
 *       ({@code restart-done}) also ends its failure alerts, as a recovery does.
 * </ul>
 */
final class AlertmanagerAlerts {
  /** How long a notice fires: long enough for Alertmanager's grouping to send it once. */
  static final Duration NOTICE = Duration.ofMinutes(5);

  /** The kinds a recovery ends. */
  static final List<AlertKind> FAILURES =
      List.of(AlertKind.RESTART_FAILED, AlertKind.LIMIT_REACHED, AlertKind.CHECK_UNKNOWN);

  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertmanagerAlerts() {}

  static String body(AlertEvent e, String hostName, Map<String, String> extra, Duration expire) {
    ArrayNode alerts = JSON.createArrayNode();
    Instant at = e.at().truncatedTo(ChronoUnit.SECONDS);
    if (e.kind() == AlertKind.RECOVERED) {
      for (AlertKind k : FAILURES) {
        alerts.add(alert(k, e, hostName, extra, at, at));
      }
    } else {
      Duration lasts = e.kind().failure() ? expire : NOTICE;
      alerts.add(alert(e.kind(), e, hostName, extra, at, at.plus(lasts)));
      if (e.kind() == AlertKind.RESTART_DONE) {
        for (AlertKind k : FAILURES) {
          alerts.add(alert(k, e, hostName, extra, at, at));
        }
      }
    }
    try {
      return JSON.writeValueAsString(alerts);
    } catch (JsonProcessingException x) {
      throw new IllegalStateException("a JSON tree of strings always serialises", x);
    }
  }

  /** {@code restart-failed} → {@code WatchdogRestartFailed}. */
  static String alertName(AlertKind kind) {
    StringBuilder name = new StringBuilder("Watchdog");
    for (String word : kind.key().split("-")) {
      name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
    }
    return name.toString();
  }

  /** {@code critical} when automatic recovery failed or stopped, else warning or info. */
  static String severity(AlertKind kind) {
    return switch (kind) {
      case RESTART_FAILED, LIMIT_REACHED -> "critical";
      case CHECK_UNKNOWN, MONITOR_STOPPED -> "warning";
      case RESTART_DONE, RECOVERED, MONITOR_STARTED, TEST -> "info";
    };
  }

  private static ObjectNode alert(
      AlertKind kind,
      AlertEvent e,
      String hostName,
      Map<String, String> extra,
      Instant startsAt,
      Instant endsAt) {
    ObjectNode alert = JSON.createObjectNode();
    ObjectNode labels = alert.putObject("labels");
    extra.forEach(labels::put);
    labels.put("alertname", alertName(kind));
    labels.put("host", hostName);
    labels.put("target", e.target());
    e.origin()
        .ifPresent(
            o -> {
              labels.put("system", o.system());
              o.role().ifPresent(r -> labels.put("role", r));
            });
    labels.put("event", kind.key());
    labels.put("severity", severity(kind));
    ObjectNode annotations = alert.putObject("annotations");
    annotations.put("summary", e.target() + " on " + hostName + ": " + e.kind().key());
    StringBuilder description = new StringBuilder(e.message());
    e.details().forEach((k, v) -> description.append('\n').append(k).append(": ").append(v));
    annotations.put("description", description.toString());
    alert.put("startsAt", startsAt.toString());
    alert.put("endsAt", endsAt.toString());
    return alert;
  }
}
