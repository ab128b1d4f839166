package org.watchdogmenu.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Renders every target's series in the Prometheus text exposition format (version 0.0.4), with HELP
 * and TYPE lines, label values escaped, no timestamps (node_exporter's textfile collector refuses
 * them).
 */
final class PrometheusText {
  private PrometheusText() {}

  static String render(Map<String, TargetSeries> targets) {
    StringBuilder out = new StringBuilder();
    family(out, "watchdog_up", "gauge", "1 if the target was healthy at its last check, else 0.");
    targets.forEach(
        (t, s) -> {
          if (s.up() != null) {
            sample(out, "watchdog_up", t, null, null, s.up());
          }
        });
    family(
        out,
        "watchdog_health_check_failures_total",
        "counter",
        "Health checks that found the target unhealthy.");
    targets.forEach(
        (t, s) -> sample(out, "watchdog_health_check_failures_total", t, null, null, s.failures()));
    family(
        out,
        "watchdog_restarts_total",
        "counter",
        "Restarts run, by who asked for them (health, cron, manual, monitor).");
    targets.forEach(
        (t, s) ->
            s.restarts()
                .forEach((src, n) -> sample(out, "watchdog_restarts_total", t, "source", src, n)));
    family(
        out,
        "watchdog_probe_duration_seconds",
        "gauge",
        "How long each probe took in the last check.");
    targets.forEach(
        (t, s) ->
            s.probeSeconds()
                .forEach(
                    (p, secs) ->
                        sample(out, "watchdog_probe_duration_seconds", t, "probe", p, secs)));
    family(
        out,
        "watchdog_restart_limit_reached",
        "gauge",
        "1 if automatic restarts are stopped because the restart limit of the window is reached.");
    targets.forEach(
        (t, s) -> sample(out, "watchdog_restart_limit_reached", t, null, null, s.limitReached()));
    family(
        out,
        "watchdog_last_check_timestamp_seconds",
        "gauge",
        "Unix time of the last health check.");
    targets.forEach(
        (t, s) -> {
          if (s.lastCheck() != null) {
            sample(out, "watchdog_last_check_timestamp_seconds", t, null, null, s.lastCheck());
          }
        });
    family(
        out,
        "watchdog_paused_until_seconds",
        "gauge",
        "Unix time when the target's maintenance pause ends (restarts and alerts held until then),"
            + " 0 when none.");
    targets.forEach(
        (t, s) -> sample(out, "watchdog_paused_until_seconds", t, null, null, s.pausedUntil()));
    return out.toString();
  }

  private static void family(StringBuilder out, String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private static void sample(
      StringBuilder out, String name, String target, String label, String value, Number number) {
    out.append(name).append("{target=\"").append(escape(target)).append('"');
    if (label != null) {
      out.append(',').append(label).append("=\"").append(escape(value)).append('"');
    }
    out.append("} ").append(format(number)).append('\n');
  }

  /** Label value escaping: backslash, double quote and line feed. */
  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String format(Number n) {
    if (n instanceof Double d) {
      // as "%.6f" gives it, without building a Formatter on every run
      return BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_UP).toPlainString();
    }
    return n.toString();
  }
}
