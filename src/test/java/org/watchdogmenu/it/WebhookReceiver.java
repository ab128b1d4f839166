package org.watchdogmenu.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP server on loopback that keeps every JSON alert posted to it. */
final class WebhookReceiver implements AutoCloseable {
  private final HttpServer server;
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        ex -> {
          received.add(new ObjectMapper().readTree(ex.getRequestBody().readAllBytes()));
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    server.start();
  }

  /** Every alert body received so far, in order. */
  List<JsonNode> received() {
    return received;
  }

  /** Its address, {@code http://127.0.0.1:PORT/hook}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** Writes the sandbox's alerts.yaml (mode 0600) with this receiver as its one channel. */
  void configure(Sandbox sandbox) throws IOException {
    Path alerts = sandbox.path("/etc/watchdog-menu/alerts.yaml");
    Files.createDirectories(alerts.getParent());
    Files.writeString(alerts, "channels:\n  - type: webhook\n    url: " + url() + "\n");
    Files.setPosixFilePermissions(alerts, PosixFilePermissions.fromString("rw-------"));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
