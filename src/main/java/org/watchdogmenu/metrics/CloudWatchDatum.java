package org.watchdogmenu.metrics;

import java.util.List;
import java.util.Optional;

/**
 * One value of the PM2 health-monitor guide's CloudWatch metrics.
 *
 * @param unit a CloudWatch unit: {@code None}, {@code Count}, {@code Milliseconds}
 */
record CloudWatchDatum(String name, long value, String unit) {

  /** ServiceStatus, HealthCheckFailures and, when a probe ran, ResponseTime. */
  static List<CloudWatchDatum> afterCheck(CheckSample s) {
    CloudWatchDatum status = new CloudWatchDatum("ServiceStatus", s.up() ? 1 : 0, "None");
    CloudWatchDatum failures =
        new CloudWatchDatum("HealthCheckFailures", s.failed() ? 1 : 0, "Count");
    Optional<CloudWatchDatum> response =
        s.responseTime()
            .map(d -> new CloudWatchDatum("ResponseTime", d.toMillis(), "Milliseconds"));
    return response.isPresent()
        ? List.of(status, failures, response.get())
        : List.of(status, failures);
  }

  /** ServiceRestarts: 1 for a restart that ran. */
  static List<CloudWatchDatum> afterRestart() {
    return List.of(new CloudWatchDatum("ServiceRestarts", 1, "Count"));
  }
}
