package org.watchdogmenu.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.model.Socks5ProbeSpec;

/**
 * The tunnel client test of the tunnel scripts' guide, without curl: a SOCKS5 handshake with the
 * proxy (RFC 1928, no authentication or RFC 1929 username/password), a CONNECT to the url's host
 * and port by name (so the proxy resolves it, as {@code curl --socks5-hostname} does), then an
 * HTTP/1.1 GET of the url through the tunnel, with TLS over it for https. Any HTTP status line
 * coming back proves the tunnel works.
 */
final class Socks5Probe implements Probe {
  private final Socks5ProbeSpec spec;
  private final SSLSocketFactory tls;

  Socks5Probe(Socks5ProbeSpec spec) {
    this(spec, (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  /** With the TLS sockets of {@code tls} for https urls (tests trust their own certificate). */
  Socks5Probe(Socks5ProbeSpec spec, SSLSocketFactory tls) {
    this.spec = spec;
    this.tls = tls;
  }

  @Override
  public ProbeResult run(ProbeContext context) {
    InetSocketAddress proxy = proxy();
    URI url = url();
    if (spec.username() != null && spec.password() == null) {
      throw ConfigProblem.missing("socks5", "password", "the password for " + spec.username());
    }
    String name = "SOCKS proxy test";
    String port = " (port " + proxy.getPort() + ")";
    Stopwatch watch = Stopwatch.start();
    Deadline deadline = new Deadline(spec.timeout());
    try (Socket socket = new Socket()) {
      try {
        socket.connect(proxy, deadline.remainingMillis());
      } catch (ConnectException e) {
        return ProbeResult.fail(
            name + " failed" + port + ": nothing listens on " + spec.proxy(), watch.elapsed());
      }
      Socks5Handshake handshake = new Socks5Handshake(socket, deadline);
      handshake.greet(spec.username(), spec.password());
      handshake.connect(url.getHost().replaceAll("^\\[|\\]$", ""), portOf(url));
      String status = HttpOverTunnel.get(socket, url, deadline, tls);
      return ProbeResult.pass(
          name + " successful" + port + ": " + status + " in " + watch.millis() + "ms",
          watch.elapsed());
    } catch (Socks5Handshake.CredentialsRefused e) {
      // the proxy answers: restarting it cannot fix the probe's own credentials
      return ProbeResult.unknown(
          e.getMessage() + " (" + spec.proxy() + " answers, so it is not restarted)",
          watch.elapsed());
    } catch (Socks5Handshake.Refused e) {
      return ProbeResult.fail(name + " failed" + port + ": " + e.getMessage(), watch.elapsed());
    } catch (SocketTimeoutException e) {
      return ProbeResult.fail(
          name + " failed" + port + ": no answer within " + Durations.format(spec.timeout()),
          watch.elapsed());
    } catch (SSLException e) {
      if (Tls.certificateRefused(e)) {
        // a TLS server answered through the tunnel: the tunnel works, the url's certificate is
        // what this probe does not accept
        return ProbeResult.unknown(
            name
                + port
                + ": the tunnel works, but the certificate of "
                + url.getHost()
                + " was refused ("
                + Tls.reason(e)
                + "): check "
                + ProbeSetting.of("url")
                + " (an address with a trusted certificate for its name, or http://);"
                + " the proxy is not restarted",
            watch.elapsed());
      }
      return ProbeResult.fail(
          name + " failed" + port + ": TLS through the tunnel failed: " + e.getMessage(),
          watch.elapsed());
    } catch (IOException e) {
      return ProbeResult.fail(name + " failed" + port + ": " + e.getMessage(), watch.elapsed());
    }
  }

  private InetSocketAddress proxy() {
    String text = spec.proxy();
    int colon = text.lastIndexOf(':');
    try {
      String host = text.substring(0, colon).replace("[", "").replace("]", "");
      int port = Integer.parseInt(text.substring(colon + 1));
      if (host.isEmpty() || port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return new InetSocketAddress(host, port);
    } catch (RuntimeException e) {
      throw new ConfigProblem(
          "socks5 probe: proxy '" + text + "' is not HOST:PORT: write e.g. 127.0.0.1:1080");
    }
  }

  private URI url() {
    String text = Fields.required(spec.url(), "socks5", "url", "https://httpbin.org/ip");
    try {
      URI uri = new URI(text);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new ConfigProblem(
        "socks5 probe: url '"
            + text
            + "' is not an http(s) address: write e.g. https://httpbin.org/ip");
  }

  static int portOf(URI url) {
    if (url.getPort() > 0) {
      return url.getPort();
    }
    return "https".equals(url.getScheme()) ? 443 : 80;
  }
}
