package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} through the real jar against real servers, proxies and processes. */
class CheckThroughJarIT {
  @TempDir Path dir;
  private Sandbox sandbox;
  private final List<Process> processes = new ArrayList<>();
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
  }

  @AfterEach
  void tearDown() throws Exception {
    for (Process p : processes) {
      p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  @Test
  void aDeadHttpServiceIsRestartedByItsCommandAndStaysUpAfterTheCheckEnds() throws Exception {
    int port = Sandbox.freePort();
    String marker = "http.server " + port;
    // the restart starts the server in the background without redirecting its output
    sandbox.target(
        "demo-web",
        String.join(
            "\n",
            "id: demo-web",
            "service:",
            "  kind: command",
            "  restart: [\"/bin/sh\", \"-c\", \"python3 -m http.server "
                + port
                + " --bind 127.0.0.1 --directory "
                + dir
                + " &\"]",
            "probes:",
            "  - type: http",
            "    url: http://127.0.0.1:" + port + "/",
            "    timeout: 2s",
            "policy:",
            "  retries: 2",
            "  retry_delay: 200ms",
            "  grace: 2s",
            ""));
    Jar.Run down = Jar.run(sandbox.root, "check", "demo-web");
    assertThat(down.exit()).as(down.out() + down.err()).isEqualTo(1);
    assertThat(down.out())
        .contains("Health check FAIL: ")
        .contains("(attempt 2/2)")
        .contains("Restart ALLOWED (restart 1/5 per hour)")
        .contains("=== Health Check RECOVERED: Service is healthy after restart ===");
    try {
      Jar.Run up = Jar.run(sandbox.root, "check", "demo-web");
      assertThat(up.exit()).as(up.out() + up.err()).isZero();
      assertThat(up.out())
          .contains("Health check PASS: ")
          .contains("=== Health Check PASSED: Service is healthy ===");
      String log = Files.readString(sandbox.path("/var/log/demo-web-health.log"));
      assertThat(log)
          .contains("=== Health Check RECOVERED")
          .contains("=== Health Check PASSED: Service is healthy ===");
      // the server the restart started writes its request log into the health log (its
      // stderr, as with the old scripts' >> log 2>&1); every other line is the engine's
      assertThat(log).contains("\"GET / HTTP/1.1\" 200");
      assertThat(log.lines().filter(l -> !l.contains("\"GET / HTTP/1.1\"")))
          .allMatch(l -> l.matches("\\[\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\] .+"));
      assertThat(Files.readString(sandbox.path("/var/lib/watchdog-menu/state/demo-web.txt")))
          .matches("\\d{10} health\n");
    } finally {
      new ProcessBuilder("pkill", "-f", marker).start().waitFor(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aDownServiceWhoseRestartTheGuardHoldsBackIsCriticalNotWarning() throws Exception {
    int closedPort = Sandbox.freePort();
    Path marker = dir.resolve("restarted");
    sandbox.target(
        "capped",
        String.join(
            "\n",
            "id: capped",
            "service:",
            "  kind: command",
            "  restart: [\"/usr/bin/touch\", \"" + marker + "\"]",
            "probes:",
            "  - {type: tcp-connect, host: 127.0.0.1, port: " + closedPort + "}",
            "policy: {retries: 1}",
            ""));
    long now = System.currentTimeMillis() / 1000;
    StringBuilder five = new StringBuilder();
    for (int i = 5; i >= 1; i--) {
      five.append(now - i * 300).append(" health\n");
    }
    Path state = sandbox.path("/var/lib/watchdog-menu/state/capped.txt");
    Files.createDirectories(state.getParent());
    Files.writeString(state, five);
    Jar.Run limit = Jar.run(sandbox.root, "check", "capped");
    assertThat(limit.out())
        .contains("Restart DENIED: limit reached (5/5 per hour)")
        .contains("ACTION REQUIRED");
    assertThat(limit.exit()).as(limit.out() + limit.err()).isEqualTo(2);
    assertThat(marker).doesNotExist();

    // one restart a minute ago: the cooldown holds the next one back, still CRITICAL
    Files.writeString(state, (now - 60) + " cron\n");
    Jar.Run cooldown = Jar.run(sandbox.root, "check", "capped");
    assertThat(cooldown.out()).contains("Restart SKIPPED: cooldown active");
    assertThat(cooldown.exit()).as(cooldown.out() + cooldown.err()).isEqualTo(2);
    assertThat(marker).doesNotExist();
  }

  @Test
  void aCommandServiceStartedTwoSecondsAgoIsWithinItsGracePeriodByItsPidFile() throws Exception {
    // the service: a process of its own account, started now, its pid in its pid file
    Process service =
        new ProcessBuilder(
                Tools.require("setpriv"),
                "--reuid=nobody",
                "--regid=nogroup",
                "--clear-groups",
                "sleep",
                "60.2468")
            .start();
    processes.add(service);
    Path pidFile = sandbox.path("/run/demo/demo.pid");
    Files.createDirectories(pidFile.getParent());
    Files.writeString(pidFile, service.pid() + "\n");
    Thread.sleep(2000);
    int closedPort = Sandbox.freePort();
    Path marker = dir.resolve("restarted");
    String target =
        String.join(
            "\n",
            "id: demo",
            "service:",
            "  kind: command",
            "  user: nobody",
            "  restart: [\"/bin/sh\", \"-c\", \"echo restarted > " + marker + "\"]",
            "  pid_file: /run/demo/demo.pid",
            "probes:",
            "  - {type: tcp-connect, host: 127.0.0.1, port: " + closedPort + "}",
            "policy: {retries: 1, grace: GRACE}",
            "");
    sandbox.target("demo", target.replace("GRACE", "30s"));

    Jar.Run starting = Jar.run(sandbox.root, "check", "demo");
    assertThat(starting.exit()).as(starting.out() + starting.err()).isZero();
    assertThat(starting.out())
        .containsPattern("Within grace period \\(uptime: [23]s, grace: 30s\\) - tests skipped")
        .contains("=== Health Check PASSED: Service is starting (grace period) ===")
        .doesNotContain("Restart");
    assertThat(marker).doesNotExist();

    // the same process with a grace of 1s: past it, so it is probed (and restarted)
    sandbox.target("demo", target.replace("GRACE", "1s"));
    Jar.Run started = Jar.run(sandbox.root, "check", "demo", "--no-restart");
    assertThat(started.exit()).as(started.out() + started.err()).isEqualTo(2);
    assertThat(started.out())
        .containsPattern("Grace period passed \\(uptime: [2-9]s\\)")
        .contains("Health check FAIL: ");

    // the process ends: the service is not active
    service.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    Jar.Run gone = Jar.run(sandbox.root, "check", "demo", "--no-restart");
    assertThat(gone.exit()).as(gone.out() + gone.err()).isEqualTo(2);
    assertThat(gone.out()).contains("Health check FAIL: Service is not active (pid ");
  }

  @Test
  void socks5ThroughARealMicrosocksUpAndDown() throws Exception {
    HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    web.createContext(
        "/ip",
        ex -> {
          byte[] body = "{\"origin\": \"127.0.0.1\"}".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    web.start();
    closeables.add(() -> web.stop(0));
    int proxyPort = Sandbox.freePort();
    Process socks =
        new ProcessBuilder(
                Tools.require("microsocks"), "-i", "127.0.0.1", "-p", String.valueOf(proxyPort))
            .start();
    processes.add(socks);
    Tools.waitForPort(proxyPort);
    sandbox.target(
        "tunnel-client",
        String.join(
            "\n",
            "id: tunnel-client",
            "service: {kind: command, restart: [\"/bin/true\"]}",
            "probes:",
            "  - type: socks5",
            "    proxy: 127.0.0.1:" + proxyPort,
            "    url: http://127.0.0.1:" + web.getAddress().getPort() + "/ip",
            "policy: {retries: 1}",
            ""));
    Jar.Run up = Jar.run(sandbox.root, "check", "tunnel-client", "--no-restart");
    assertThat(up.exit()).as(up.out() + up.err()).isZero();
    assertThat(up.out()).contains("Health check PASS: ");

    socks.destroy();
    socks.waitFor(5, TimeUnit.SECONDS);
    Jar.Run down = Jar.run(sandbox.root, "check", "tunnel-client", "--no-restart");
    assertThat(down.exit()).as(down.out() + down.err()).isEqualTo(2);
    assertThat(down.out())
        .contains("Health check FAIL: ")
        .contains("Restart not attempted (--no-restart)");
  }

  @Test
  void aSocksProxyThatRefusesTheProbesPasswordIsUnknownAndNotRestarted() throws Exception {
    HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    web.createContext(
        "/ip",
        ex -> {
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    web.start();
    closeables.add(() -> web.stop(0));
    int proxyPort = Sandbox.freePort();
    Process socks =
        new ProcessBuilder(
                Tools.require("microsocks"),
                "-i",
                "127.0.0.1",
                "-p",
                String.valueOf(proxyPort),
                "-u",
                "tunnel",
                "-P",
                "s3cret")
            .start();
    processes.add(socks);
    Tools.waitForPort(proxyPort);
    Path marker = dir.resolve("restarted");
    sandbox.target(
        "tunnel-client",
        String.join(
            "\n",
            "id: tunnel-client",
            "service: {kind: command, restart: [\"/usr/bin/touch\", \"" + marker + "\"]}",
            "probes:",
            "  - type: socks5",
            "    proxy: 127.0.0.1:" + proxyPort,
            "    url: http://127.0.0.1:" + web.getAddress().getPort() + "/ip",
            "    username: tunnel",
            "    password: wrong-one",
            ""));
    Jar.Run run = Jar.run(sandbox.root, "check", "tunnel-client");
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
    assertThat(run.out())
        .contains("Health check UNKNOWN: SOCKS proxy refused the username/password")
        .contains("check probes[0].username/password")
        .contains("=== Health Check UNKNOWN: no restart")
        .doesNotContain("wrong-one")
        .doesNotContain("Restart ALLOWED");
    assertThat(marker).doesNotExist();
    assertThat(sandbox.path("/var/lib/watchdog-menu/state/tunnel-client.txt"))
        .satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyFile());
  }

  @Test
  void anHttpEndpointAnswering401IsUnknownAndNotRestarted() throws Exception {
    HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    web.createContext(
        "/health",
        ex -> {
          ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"app\"");
          ex.sendResponseHeaders(401, -1);
          ex.close();
        });
    web.start();
    closeables.add(() -> web.stop(0));
    Path marker = dir.resolve("restarted");
    String url = "http://127.0.0.1:" + web.getAddress().getPort() + "/health";
    sandbox.target(
        "web-app",
        String.join(
            "\n",
            "id: web-app",
            "service: {kind: command, restart: [\"/usr/bin/touch\", \"" + marker + "\"]}",
            "probes:",
            "  - {type: tcp-connect, host: 127.0.0.1, port: " + web.getAddress().getPort() + "}",
            "  - {type: http, url: \"" + url + "\"}",
            ""));
    Jar.Run run = Jar.run(sandbox.root, "check", "web-app");
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(3);
    assertThat(run.out())
        .contains("Health check UNKNOWN: HTTP 401 from " + url)
        .contains("check probes[1].url")
        .contains("add 401 to probes[1].expect_status")
        .doesNotContain("Restart ALLOWED");
    assertThat(marker).doesNotExist();
  }

  @Test
  void theShippedTunnelClientLogsTheOldScriptsLines() throws Exception {
    HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    web.createContext(
        "/ip",
        ex -> {
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    web.start();
    closeables.add(() -> web.stop(0));
    int proxyPort = Sandbox.freePort();
    Process socks =
        new ProcessBuilder(
                Tools.require("microsocks"), "-i", "127.0.0.1", "-p", String.valueOf(proxyPort))
            .start();
    processes.add(socks);
    Tools.waitForPort(proxyPort);
    // a status command that says it runs and started two minutes ago (no systemd here)
    Path status = dir.resolve("status.sh");
    Files.writeString(status, "#!/bin/sh\nexpr $(date +%s) - 120\n");
    status.toFile().setExecutable(true);
    Jar.Run set =
        Jar.run(
            sandbox.root,
            "target",
            "set",
            "paqet-client",
            "probes.1.proxy=127.0.0.1:" + proxyPort,
            "probes.1.url=http://127.0.0.1:" + web.getAddress().getPort() + "/ip",
            "service.kind=command",
            "service.restart=/bin/true",
            "service.status=" + status);
    assertThat(set.exit()).as(set.out() + set.err()).isZero();

    Jar.Run run = Jar.run(sandbox.root, "check", "paqet-client");
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    // the old scripts' lines (their log format section), in their order; the PASS line may
    // add timings, and the proxy is on another port here
    List<String> lines =
        Files.readAllLines(sandbox.path("/var/log/paqet-health-client.log")).stream()
            .map(l -> l.replaceFirst("^\\[[^]]+\\] ", ""))
            .toList();
    assertThat(lines).hasSize(6);
    assertThat(lines.subList(0, 4))
        .containsExactly(
            "=== Health Check Start: paqet-client ===",
            "Health check: Service is active",
            "Health check: Grace period passed (uptime: 120s)",
            "Running client health check (SOCKS proxy test)...");
    assertThat(lines.get(4))
        .startsWith("Health check PASS: SOCKS proxy test successful (port " + proxyPort + ")");
    assertThat(lines.get(5)).isEqualTo("=== Health Check PASSED: Service is healthy ===");
  }

  @Test
  void aTcpListenerUpAndDown() throws Exception {
    ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
    int port = listener.getLocalPort();
    sandbox.target(
        "listener",
        "id: listener\nservice: {kind: command, restart: [\"/bin/true\"]}\nprobes:\n  - {type: tcp-listen, port: "
            + port
            + "}\npolicy: {retries: 1}\n");
    Jar.Run up = Jar.run(sandbox.root, "check", "listener", "--no-restart");
    assertThat(up.exit()).as(up.out() + up.err()).isZero();
    listener.close();
    Jar.Run down = Jar.run(sandbox.root, "check", "listener", "--no-restart");
    assertThat(down.exit()).as(down.out() + down.err()).isEqualTo(2);
  }

  @Test
  void hangingProbesRunInParallelSoTheCheckTakesOneTimeoutNotTheSum() throws Exception {
    ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
    closeables.add(silent);
    List<Socket> accepted = new ArrayList<>();
    Thread acceptor =
        new Thread(
            () -> {
              try {
                while (true) {
                  accepted.add(silent.accept());
                }
              } catch (IOException e) {
                // closed at the end of the test
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
    int port = silent.getLocalPort();
    sandbox.target(
        "composite",
        String.join(
            "\n",
            "id: composite",
            "service: {kind: command, restart: [\"/bin/true\"]}",
            "probes:",
            "  - {type: http, url: \"http://127.0.0.1:" + port + "/a\", timeout: 3s}",
            "  - {type: http, url: \"http://127.0.0.1:" + port + "/b\", timeout: 3s}",
            "  - {type: command, command: [\"sleep\", \"30.4321\"], timeout: 3s}",
            "  - {type: tcp-connect, host: 127.0.0.1, port: " + port + "}",
            "policy: {retries: 1}",
            ""));
    Jar.Run run = Jar.run(sandbox.root, "check", "composite", "--no-restart");
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
    // three probes of 3s each: in parallel about 3s plus the JVM's start, not 9s
    assertThat(run.millis()).isBetween(3000L, 6500L);
    assertThat(Tools.processesMatching("sleep 30.4321")).isZero();
  }

  @Test
  void aHangingRestartIsKilledWithItsTreeAndReleasesTheLock() throws Exception {
    int closedPort = Sandbox.freePort();
    sandbox.target(
        "stuck",
        String.join(
            "\n",
            "id: stuck",
            "service:",
            "  kind: command",
            "  restart: [\"/bin/sh\", \"-c\", \"sleep 40.5678; echo never\"]",
            "probes:",
            "  - {type: tcp-connect, host: 127.0.0.1, port: " + closedPort + "}",
            "policy: {retries: 1, restart_timeout: 2s}",
            ""));
    Jar.Run run = Jar.run(sandbox.root, "check", "stuck");
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.out()).contains("Restart FAILED: ").contains("timed out after");
    assertThat(run.millis()).isLessThan(8000L);
    assertThat(Tools.processesMatching("sleep 40.5678")).isZero();
    // the lock is free again: reset needs it
    Jar.Run reset = Jar.run(sandbox.root, "reset", "stuck");
    assertThat(reset.exit()).as(reset.out() + reset.err()).isZero();
    assertThat(sandbox.path("/var/lib/watchdog-menu/state/stuck.txt")).isEmptyFile();
  }
}
