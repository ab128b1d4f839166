package org.watchdogmenu.model;

import java.time.Duration;
import java.util.List;

/** Fewer than max connections in CLOSE-WAIT on each port (a connection leak). */
@ProbeType("close-wait")
public record CloseWaitProbeSpec(String name, Duration timeout, List<Integer> ports, Integer max)
    implements ProbeSpec {
  public CloseWaitProbeSpec {
    timeout = ProbeSpec.timeoutOrDefault(timeout);
    ports = ports == null ? List.of() : List.copyOf(ports);
    max = max == null ? 5 : max;
  }

  @Override
  public String label() {
    return name != null ? name : "CLOSE-WAIT on ports " + ports;
  }
}
