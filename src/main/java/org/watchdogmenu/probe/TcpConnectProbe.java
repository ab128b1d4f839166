package org.watchdogmenu.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.model.TcpConnectProbeSpec;

/** A TCP connection to host:port is accepted within the timeout; it is closed at once. */
final class TcpConnectProbe implements Probe {
  private final TcpConnectProbeSpec spec;

  TcpConnectProbe(TcpConnectProbeSpec spec) {
    this.spec = spec;
  }

  @Override
  public ProbeResult run(ProbeContext context) {
    int port = Fields.port(spec.port(), "tcp-connect", "port");
    String where = spec.host() + ":" + port;
    InetSocketAddress address = new InetSocketAddress(spec.host(), port);
    if (address.isUnresolved()) {
      throw new ConfigProblem(
          "tcp-connect probe: host '" + spec.host() + "' cannot be resolved: fix host");
    }
    Stopwatch watch = Stopwatch.start();
    try (Socket socket = new Socket()) {
      socket.connect(address, (int) spec.timeout().toMillis());
      return ProbeResult.pass(
          "TCP connect to " + where + " in " + watch.millis() + "ms", watch.elapsed());
    } catch (SocketTimeoutException e) {
      return ProbeResult.fail(
          "no TCP connection to " + where + " within " + Durations.format(spec.timeout()),
          watch.elapsed());
    } catch (ConnectException e) {
      return ProbeResult.fail(
          "connection refused by " + where + " (" + e.getMessage() + ")", watch.elapsed());
    } catch (IOException e) {
      return ProbeResult.fail("TCP connect to " + where + " failed: " + e, watch.elapsed());
    }
  }
}
