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

  /**
   * Whether a TLS failure is the peer's certificate refused by our checks (not trusted, expired, or
   * not for the host name asked for): a server answered, so the service is up and the probe's
   * settings decide the rest.
   */
  static boolean certificateRefused(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.security.cert.CertificateException
          || t instanceof java.security.cert.CertPathValidatorException
          || String.valueOf(t.getMessage()).startsWith("HTTPS hostname wrong")) {
        return true;
      }
    }
    return false;
  }

  /** The words of the innermost certificate problem, for the log. */
  static String reason(Throwable e) {
    String words = String.valueOf(e.getMessage());
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.security.cert.CertificateException && t.getMessage() != null) {
        words = t.getMessage();
      }
    }
    if (words.contains("PKIX path building failed") || words.contains("unable to find valid")) {
      return "not signed by a trusted authority, e.g. self-signed";
    }
    if (words.contains("No subject alternative") || words.contains("No name matching")) {
      return "it is not for this host name: " + words;
    }
    return Text.shorten(words, 160);
  }

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
