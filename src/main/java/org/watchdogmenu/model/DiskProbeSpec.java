package org.watchdogmenu.model;

import java.time.Duration;

/** The file system holding path is used at most max_percent. */
@ProbeType("disk")
public record DiskProbeSpec(String name, Duration timeout, String path, Integer maxPercent)
    implements ProbeSpec {
  public DiskProbeSpec {
    timeout = ProbeSpec.timeoutOrDefault(timeout);
    path = path == null ? "/" : path;
    maxPercent = maxPercent == null ? 80 : maxPercent;
  }

  @Override
  public String label() {
    return name != null ? name : "disk use of " + path;
  }
}
