package org.watchdogmenu.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.watchdogmenu.model.ProbeSpec;
import org.watchdogmenu.probe.ProbeResult;

/**
 * How long one probe took in the last round of a check.
 *
 * @param probe the probe's label ({@link ProbeSpec#label()}), the {@code probe} label in Prometheus
 * @param type the probe type, e.g. {@code http}; http probes give CloudWatch's ResponseTime
 */
public record ProbeTiming(String probe, String type, Duration elapsed) {

  /**
   * Pairs a target's probes with the results of one round (same order, as the engine runs them). No
   * results means no round ran (the service is inside its grace period): no timings.
   */
  public static List<ProbeTiming> of(List<ProbeSpec> specs, List<ProbeResult> results) {
    if (results.isEmpty()) {
      return List.of();
    }
    if (specs.size() != results.size()) {
      throw new IllegalArgumentException(
          specs.size() + " probes but " + results.size() + " results");
    }
    List<ProbeTiming> timings = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      timings.add(
          new ProbeTiming(specs.get(i).label(), specs.get(i).type(), results.get(i).elapsed()));
    }
    return List.copyOf(timings);
  }
}
