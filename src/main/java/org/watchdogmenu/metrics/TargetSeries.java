package org.watchdogmenu.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * One target's Prometheus values, kept between runs so counters keep counting.
 *
 * @param up 1 healthy, 0 not, null before the first check
 * @param restarts restarts run per source
 * @param probeSeconds the last duration of each probe, by probe label
 * @param lastCheck epoch seconds of the last check, null before the first
 */
record TargetSeries(
    Integer up,
    long failures,
    Map<String, Long> restarts,
    Map<String, Double> probeSeconds,
    int limitReached,
    Long lastCheck) {

  static final TargetSeries NEW = new TargetSeries(null, 0, null, null, 0, null);

  TargetSeries {
    restarts = new TreeMap<>(restarts == null ? Map.of() : restarts);
    probeSeconds = new TreeMap<>(probeSeconds == null ? Map.of() : probeSeconds);
  }

  TargetSeries afterCheck(CheckSample s) {
    Map<String, Double> probes = new TreeMap<>();
    for (ProbeTiming p : s.probes()) {
      probes.put(p.probe(), seconds(p.elapsed()));
    }
    return new TargetSeries(
        s.up() ? 1 : 0,
        failures + (s.failed() ? 1 : 0),
        restarts,
        probes,
        s.limitReached() ? 1 : 0,
        s.at().getEpochSecond());
  }

  TargetSeries afterRestart(RestartSample s) {
    Map<String, Long> counted = new TreeMap<>(restarts);
    if (s.ran()) {
      counted.merge(s.source().word(), 1L, Long::sum);
    }
    return new TargetSeries(
        up, failures, counted, probeSeconds, s.limitReached() ? 1 : 0, lastCheck);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
