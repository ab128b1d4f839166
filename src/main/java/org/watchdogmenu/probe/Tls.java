package org.watchdogmenu.probe;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** TLS layered on an already open socket (a SOCKS tunnel), with normal certificate checks. */
final class Tls {
  private Tls() {}

  static SSLSocket over(
      SSLSocketFactory factory, Socket tunnel, String host, int port, Deadline deadline)
      throws IOException {
    SSLSocket ssl = (SSLSocket) factory.createSocket(tunnel, host, port, true);
    SSLParameters params = ssl.getSSLParameters();
    params.setEndpointIdentificationAlgorithm("HTTPS");
    if (!host.matches("[0-9.:]+")) {
      params.setServerNames(java.util.List.of(new SNIHostName(host)));
    }
    ssl.setSSLParameters(params);
    ssl.setSoTimeout(deadline.remainingMillis());
    ssl.startHandshake();
    return ssl;
  }
}
