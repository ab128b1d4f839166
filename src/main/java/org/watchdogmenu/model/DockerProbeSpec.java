package org.watchdogmenu.model;

import java.time.Duration;

/** The docker container is running (defaults to the service's container). */
@ProbeType("docker")
public record DockerProbeSpec(String name, Duration timeout, String container)
    implements ProbeSpec {
  public DockerProbeSpec {
    timeout = ProbeSpec.timeoutOrDefault(timeout);
  }

  @Override
  public String label() {
    return name != null ? name : "container " + container;
  }
}
