package org.watchdogmenu.model;

import java.time.Duration;

/** A TCP connection to host:port succeeds. */
@ProbeType("tcp-connect")
public record TcpConnectProbeSpec(String name, Duration timeout, String host, Integer port)
    implements ProbeSpec {
  public TcpConnectProbeSpec {
    timeout = ProbeSpec.timeoutOrDefault(timeout);
    host = host == null ? "127.0.0.1" : host;
  }

  @Override
  public String label() {
    return name != null ? name : "TCP connect " + host + ":" + port;
  }
}
