package org.watchdogmenu.model;

import java.time.Duration;

/** A SOCKS5 handshake with the proxy and an HTTP request made through it. */
@ProbeType("socks5")
public record Socks5ProbeSpec(
    String name, Duration timeout, String proxy, String url, String username, String password)
    implements ProbeSpec {
  public Socks5ProbeSpec {
    timeout = ProbeSpec.timeoutOrDefault(timeout);
    proxy = proxy == null ? "127.0.0.1:1080" : proxy;
  }

  @Override
  public String label() {
    return name != null ? name : "SOCKS proxy test (" + proxy + ")";
  }
}
