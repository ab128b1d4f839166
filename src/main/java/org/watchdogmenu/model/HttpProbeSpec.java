package org.watchdogmenu.model;

import java.time.Duration;
import java.util.List;

/**
 * An HTTP(S) request answered with one of the expected statuses (and, optionally, a body matching a
 * regex).
 */
@ProbeType("http")
public record HttpProbeSpec(
    String name,
    Duration timeout,
    String url,
    List<Integer> expectStatus,
    String body,
    Boolean insecure)
    implements ProbeSpec {
  public HttpProbeSpec {
    timeout = ProbeSpec.timeoutOrDefault(timeout);
    expectStatus =
        expectStatus == null || expectStatus.isEmpty() ? List.of(200) : List.copyOf(expectStatus);
    insecure = insecure != null && insecure;
  }

  @Override
  public String label() {
    return name != null ? name : "HTTP " + url;
  }
}
