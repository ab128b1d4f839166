package org.watchdogmenu.model;

import java.time.Duration;

/** The service of the target is running; its start time feeds the grace period. */
@ProbeType("active")
public record ActiveProbeSpec(String name, Duration timeout) implements ProbeSpec {
  public ActiveProbeSpec {
    timeout = ProbeSpec.timeoutOrDefault(timeout);
  }

  @Override
  public String label() {
    return name != null ? name : "service active";
  }
}
