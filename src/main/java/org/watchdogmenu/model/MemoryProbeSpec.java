package org.watchdogmenu.model;

import java.time.Duration;

/**
 * The resident memory of a process (from a pid file, a process name or a pm2 app) stays below max.
 */
@ProbeType("memory")
public record MemoryProbeSpec(
    String name, Duration timeout, String pidFile, String process, String pm2App, DataSize max)
    implements ProbeSpec {
  public MemoryProbeSpec {
    timeout = ProbeSpec.timeoutOrDefault(timeout);
    max = max == null ? DataSize.parse("1G") : max;
  }

  @Override
  public String label() {
    return name != null ? name : "memory below " + max;
  }
}
