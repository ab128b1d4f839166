package org.watchdogmenu.probe;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.watchdogmenu.model.TcpListenProbeSpec;

/**
 * Something on this host listens on the port: a socket in state LISTEN in the kernel's TCP tables.
 * With {@code host}, only a listener on that address or on a wildcard address (which also accepts
 * there) counts.
 */
final class TcpListenProbe implements Probe {
  private final TcpListenProbeSpec spec;

  TcpListenProbe(TcpListenProbeSpec spec) {
    this.spec = spec;
  }

  @Override
  public ProbeResult run(ProbeContext context) {
    Stopwatch watch = Stopwatch.start();
    int port = Fields.port(spec.port(), "tcp-listen", "port");
    List<InetAddress> wanted = wanted();
    List<ProcNetTcp.Socket> sockets;
    try {
      sockets = ProcNetTcp.read(context.host().root());
    } catch (IOException e) {
      return ProbeResult.unknown("cannot list TCP listeners: " + e.getMessage(), watch.elapsed());
    }
    String where = spec.host() == null ? "port " + port : spec.host() + ":" + port;
    for (ProcNetTcp.Socket s : sockets) {
      if (s.state() == ProcNetTcp.LISTEN && s.localPort() == port && accepts(s.local(), wanted)) {
        return ProbeResult.pass(
            "listening on " + where + " (" + s.local().getHostAddress() + ")", watch.elapsed());
      }
    }
    return ProbeResult.fail("nothing listens on " + where, watch.elapsed());
  }

  private List<InetAddress> wanted() {
    if (spec.host() == null) {
      return List.of();
    }
    try {
      return List.of(InetAddress.getAllByName(spec.host()));
    } catch (UnknownHostException e) {
      throw new ConfigProblem(
          "tcp-listen probe: host '" + spec.host() + "' is not a known address: fix host");
    }
  }

  private static boolean accepts(InetAddress local, List<InetAddress> wanted) {
    if (wanted.isEmpty() || local.isAnyLocalAddress()) {
      return true;
    }
    InetAddress plain = unmapped(local);
    return wanted.stream().anyMatch(w -> w.equals(plain));
  }

  /** {@code ::ffff:127.0.0.1} as {@code 127.0.0.1}. */
  private static InetAddress unmapped(InetAddress a) {
    byte[] b = a.getAddress();
    if (!(a instanceof Inet6Address)) {
      return a;
    }
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return a;
      }
    }
    if (b[10] != (byte) 0xff || b[11] != (byte) 0xff) {
      return a;
    }
    try {
      return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
    } catch (UnknownHostException e) {
      return a;
    }
  }
}
