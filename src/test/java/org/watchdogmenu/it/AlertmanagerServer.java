package org.watchdogmenu.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Prometheus Alertmanager from Debian ({@code prometheus-alertmanager}) on a free loopback
 * port, with its storage in a temp folder, clustering off and one receiver that sends nowhere; and
 * the few calls of its v2 API the tests make.
 */
final class AlertmanagerServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path log;
  private final HttpClient http = HttpClient.newHttpClient();
  final int port;

  private AlertmanagerServer(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts it and waits until it says it is ready (at most 30 s). */
  static AlertmanagerServer start(Path dir) throws Exception {
    String program = Tools.require("prometheus-alertmanager");
    Path config = dir.resolve("alertmanager.yml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "route:",
            "  receiver: nowhere",
            "  group_wait: 1s",
            "receivers:",
            "  - name: nowhere",
            ""));
    int port = Sandbox.freePort();
    Path log = dir.resolve("alertmanager.log");
    Process p =
        new ProcessBuilder(
                program,
                "--config.file=" + config,
                "--storage.path=" + Files.createDirectories(dir.resolve("am-data")),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=",
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    AlertmanagerServer server = new AlertmanagerServer(p, log, port);
    try {
      server.awaitReady();
    } catch (Exception | AssertionError e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** The address a channel is given. */
  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** {@code GET /api/v2/alerts}: the alerts it holds that are not resolved. */
  List<JsonNode> alerts() throws Exception {
    HttpResponse<String> r = http.send(get("/api/v2/alerts"), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new AssertionError("GET /api/v2/alerts answered " + r.statusCode() + ": " + r.body());
    }
    List<JsonNode> alerts = new ArrayList<>();
    JSON.readTree(r.body()).forEach(alerts::add);
    return alerts;
  }

  /** {@code POST /api/v2/silences} for an hour, matching labels exactly; returns its id. */
  String silence(String label, String value) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode matchers = body.putArray("matchers");
    matchers.addObject().put("name", label).put("value", value).put("isRegex", false);
    Instant now = Instant.now();
    body.put("startsAt", now.toString())
        .put("endsAt", now.plus(Duration.ofHours(1)).toString())
        .put("createdBy", "AlertmanagerChannelIT")
        .put("comment", "maintenance");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url() + "/api/v2/silences"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new AssertionError(
          "POST /api/v2/silences answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body()).path("silenceID").asText();
  }

  /** What it logged, for failure messages. */
  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("alertmanager exited " + process.exitValue() + ": " + log());
      }
      try {
        if (http.send(get("/-/ready"), HttpResponse.BodyHandlers.discarding()).statusCode()
            == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("alertmanager was not ready after 30s: " + log());
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5)).build();
  }

  /** Stops it (SIGTERM, then SIGKILL after 10 s). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
