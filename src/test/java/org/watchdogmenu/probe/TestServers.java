package org.watchdogmenu.probe;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Real servers on loopback for the real-thing tests. */
final class TestServers {
  static final String PASSWORD = "changeit";

  private TestServers() {}

  /** A handler that answers with a status and a text body. */
  static HttpHandler answer(int status, String body) {
    return exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
      exchange.close();
    };
  }

  /** A handler that answers only after {@code millis}. */
  static HttpHandler slow(long millis) {
    return exchange -> {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      answer(200, "late").handle(exchange);
    };
  }

  static HttpServer http(Map<String, HttpHandler> routes) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    routes.forEach(server::createContext);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    return server;
  }

  static HttpsServer https(SSLContext ssl, Map<String, HttpHandler> routes) throws IOException {
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.setHttpsConfigurator(new HttpsConfigurator(ssl));
    routes.forEach(server::createContext);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    return server;
  }

  /**
   * A self-signed certificate for a name that is not 127.0.0.1, made with the real keytool, as a
   * PKCS12 keystore in {@code dir}.
   */
  static Path selfSignedKeystore(Path dir) throws Exception {
    return keystore(dir.resolve("other-name.p12"), List.of());
  }

  /** A self-signed certificate valid for 127.0.0.1 (a subject alternative name). */
  static Path loopbackKeystore(Path dir) throws Exception {
    return keystore(dir.resolve("loopback.p12"), List.of("-ext", "SAN=ip:127.0.0.1"));
  }

  private static Path keystore(Path store, List<String> extra) throws Exception {
    List<String> argv =
        new ArrayList<>(
            List.of(
                "keytool",
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-keysize",
                "256",
                "-dname",
                "CN=camera-config.invalid",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD));
    argv.addAll(extra);
    Process keytool = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + out);
    }
    return store;
  }

  static KeyStore load(Path store) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    return ks;
  }

  /** A server-side TLS context serving the keystore's certificate. */
  static SSLContext serverContext(Path store) throws Exception {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(load(store), PASSWORD.toCharArray());
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    return ssl;
  }

  /** A client-side TLS context that trusts (only) the keystore's certificate. */
  static SSLContext trusting(Path store) throws Exception {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(load(store));
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return ssl;
  }

  /** A loopback port nothing listens on (bound, then released). */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
