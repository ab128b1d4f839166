package org.watchdogmenu.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * The CPU use of a process (from a pid file, a process name or a pm2 app) is not stuck: it fails
 * only when the use stayed above {@code max_percent} for the whole span {@code for}.
 */
@ProbeType("cpu")
public record CpuProbeSpec(
    String name,
    Duration timeout,
    String pidFile,
    String process,
    String pm2App,
    Integer maxPercent,
    @JsonProperty("for") Duration span)
    implements ProbeSpec {
  public CpuProbeSpec {
    timeout = ProbeSpec.timeoutOrDefault(timeout);
    maxPercent = maxPercent == null ? 90 : maxPercent;
    span = span == null ? Duration.ofSeconds(60) : span;
  }

  @Override
  public String label() {
    return name != null ? name : "CPU below " + maxPercent + "%";
  }
}
