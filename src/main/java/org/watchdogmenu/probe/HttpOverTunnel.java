package org.watchdogmenu.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLSocketFactory;

/** An HTTP/1.1 GET over an open socket that returns the status line. */
final class HttpOverTunnel {
  private HttpOverTunnel() {}

  static String get(Socket tunnel, URI url, Deadline deadline, SSLSocketFactory tls)
      throws IOException {
    Socket socket = tunnel;
    if ("https".equals(url.getScheme())) {
      socket = Tls.over(tls, tunnel, url.getHost(), Socks5Probe.portOf(url), deadline);
    }
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    if (url.getRawQuery() != null) {
      path += "?" + url.getRawQuery();
    }
    boolean defaultPort = url.getPort() < 0;
    String request =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: "
            + url.getHost()
            + (defaultPort ? "" : ":" + url.getPort())
            + "\r\nUser-Agent: watchdog-menu\r\nAccept: */*\r\nConnection: close\r\n\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    socket.setSoTimeout(deadline.remainingMillis());
    String line = firstLine(socket);
    if (!line.matches("HTTP/\\d(\\.\\d)? \\d{3}.*")) {
      throw new IOException(
          "the tunnel answered without an HTTP status line"
              + (line.isEmpty() ? " (connection closed)" : ": " + Text.shorten(line, 80)));
    }
    return "HTTP " + line.split(" ")[1];
  }

  private static String firstLine(Socket socket) throws IOException {
    StringBuilder sb = new StringBuilder();
    InputStream in = socket.getInputStream();
    int c;
    while ((c = in.read()) >= 0 && c != '\n' && sb.length() < 512) {
      if (c != '\r') {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }
}
