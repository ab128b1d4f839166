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
 * @param pausedUntil epoch seconds when the target's maintenance pause ends, 0 when none holds
 */
record TargetSeries(
    Integer up,
    long failures,
    Map<String, Long> restarts,
    Map<String, Double> probeSeconds,
    int limitReached,
    Long lastCheck,
    long pausedUntil) {

  static final TargetSeries NEW = new TargetSeries(null, 0, null, null, 0, null, 0);

  TargetSeries {
    restarts = new TreeMap<>(restarts == null ? Map.of() : restarts);
    probeSeconds = new TreeMap<>(probeSeconds == null ? Map.of() : probeSeconds);
  }

  /** Series of a target that was never paused. */
  TargetSeries(
      Integer up,
      long failures,
      Map<String, Long> restarts,
      Map<String, Double> probeSeconds,
      int limitReached,
      Long lastCheck) {
    this(up, failures, restarts, probeSeconds, limitReached, lastCheck, 0);
  }

  /** The same series with the end of the pause that holds (0: none). */
  TargetSeries withPausedUntil(long epoch) {
    return new TargetSeries(up, failures, restarts, probeSeconds, limitReached, lastCheck, epoch);
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
        s.at().getEpochSecond(),
        pausedUntil);
  }

  TargetSeries afterRestart(RestartSample s) {
    Map<String, Long> counted = new TreeMap<>(restarts);
    if (s.ran()) {
      counted.merge(s.source().word(), 1L, Long::sum);
    }
    return new TargetSeries(
        up, failures, counted, probeSeconds, s.limitReached() ? 1 : 0, lastCheck, pausedUntil);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
