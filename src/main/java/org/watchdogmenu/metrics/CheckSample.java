package org.watchdogmenu.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The facts of one finished health check that metrics record.
 *
 * @param up the target is healthy at the end of the check (healthy, in its grace period, or
 *     recovered by a restart)
 * @param failed the check found the target unhealthy (whether or not a restart then fixed it)
 * @param limitReached automatic restarts are stopped: the restarts in the window reached {@code
 *     max_restarts} ({@code RestartHistory.count() >= policy.maxRestarts()})
 * @param probes the last probe round's timings; empty when no probe ran
 */
public record CheckSample(
    Instant at, boolean up, boolean failed, boolean limitReached, List<ProbeTiming> probes) {

  public CheckSample {
    probes = probes == null ? List.of() : List.copyOf(probes);
  }

  /** The endpoint response time: the slowest http probe, else the slowest probe of any type. */
  Optional<Duration> responseTime() {
    List<ProbeTiming> http = probes.stream().filter(p -> p.type().equals("http")).toList();
    return (http.isEmpty() ? probes : http)
        .stream().map(ProbeTiming::elapsed).max(Duration::compareTo);
  }
}
