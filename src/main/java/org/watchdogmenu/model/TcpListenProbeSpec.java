package org.watchdogmenu.model;

import java.time.Duration;

/** Something on this host listens on the port (any local address unless host is given). */
@ProbeType("tcp-listen")
public record TcpListenProbeSpec(String name, Duration timeout, Integer port, String host)
    implements ProbeSpec {
  public TcpListenProbeSpec {
    timeout = ProbeSpec.timeoutOrDefault(timeout);
  }

  @Override
  public String label() {
    return name != null ? name : "listener on port " + port;
  }
}
