package org.watchdogmenu.model;

import java.time.Duration;

/**
 * No line of the journal of a unit (or of a log file) in the recent window matches the error
 * pattern.
 */
@ProbeType("log-scan")
public record LogScanProbeSpec(
    String name, Duration timeout, String unit, String file, String pattern, Duration since)
    implements ProbeSpec {
  public LogScanProbeSpec {
    timeout = ProbeSpec.timeoutOrDefault(timeout);
    since = since == null ? Duration.ofMinutes(5) : since;
  }

  @Override
  public String label() {
    return name != null ? name : "log scan of " + (file != null ? file : unit);
  }
}
