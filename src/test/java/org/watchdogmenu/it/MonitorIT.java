package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.LockFile;

/** The real jar's {@code monitor} against real processes: restarts, signals, reloads. */
class MonitorIT {
  @TempDir Path dir;
  private Sandbox sandbox;
  private Path restarts;
  private Path pidFile;
  private final List<AutoCloseable> running = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
    restarts = dir.resolve("restarts.txt");
    pidFile = dir.resolve("server.pid");
  }

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : running) {
      c.close();
    }
    killServer();
  }

  @Test
  void aKilledHttpServiceIsRestartedWithinIntervalPlusRetriesPlusRestartTime() throws Exception {
    int port = Sandbox.freePort();
    webTarget(port, "", "1s");
    MonitorRun monitor = start();
    monitor.awaitOutput("web: OK: Service is healthy", 30);
    Tools.waitForPort(port);
    long pid = Long.parseLong(Files.readString(pidFile).trim());

    long killed = System.nanoTime();
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    awaitClosed(port);
    awaitListening(port, 30);
    long millis = (System.nanoTime() - killed) / 1_000_000;

    // interval 2s + retries 2 x retry_delay 1s + restart (python start, grace 1s): 5s and a bit
    System.out.println("monitor: killed service back after " + millis + " ms");
    assertThat(millis).isLessThan(9_000);
    assertThat(Files.readAllLines(state())).hasSize(2).allMatch(l -> l.matches("\\d{10} monitor"));
    assertThat(monitor.stop(30)).isZero();
  }

  @Test
  void theMonitorAndACronCheckOfTheSameTargetRestartItOnce() throws Exception {
    int port = Sandbox.freePort();
    webTarget(port, "sleep 1; ", "120s");
    MonitorRun monitor = start();
    Jar.Run cron = Jar.run(sandbox.root, "check", "web");
    monitor.awaitOutput("web: OK: Service is healthy", 30);

    // 0: healthy again by the time it probed; 1: it restarted the service itself; 2: the
    // monitor's restart held its own back (lock busy or cooldown: down and not restarted by it)
    assertThat(cron.exit()).as(cron.out() + cron.err()).isIn(0, 1, 2);
    assertThat(Files.readAllLines(restarts)).containsExactly("restart");
    assertThat(Files.readAllLines(state())).hasSize(1);
    assertThat(monitor.stop(30)).isZero();
  }

  @Test
  void sigtermDuringASlowRestartLetsItFinishReleasesTheLockAndExitsZero() throws Exception {
    sandbox.target(
        "slow",
        String.join(
            "\n",
            "id: slow",
            "service:",
            "  kind: command",
            "  restart:",
            "    - /bin/sh",
            "    - -c",
            "    - 'echo start >> " + restarts + "; sleep 3; echo done >> " + restarts + "'",
            "probes:",
            "  - type: tcp-connect",
            "    host: 127.0.0.1",
            "    port: " + Sandbox.freePort(),
            "policy: {interval: 2s, retries: 1, grace: 1s}",
            ""));
    MonitorRun monitor = start("slow");
    awaitFile(restarts, "start");

    assertThat(monitor.stop(30)).isZero();
    assertThat(Files.readAllLines(restarts)).containsExactly("start", "done");
    assertThat(monitor.output()).contains("monitor stopping").endsWith("monitor stopped\n");
    assertThat(Files.readAllLines(sandbox.path("/var/lib/watchdog-menu/state/slow.txt")))
        .singleElement()
        .asString()
        .endsWith(" monitor");
    Optional<LockFile.Held> lock =
        LockFile.acquire(
            sandbox.path("/run/watchdog-menu/var-lib-watchdog-menu-state-slow.txt.lock"),
            Duration.ofMillis(200),
            Clock.systemUTC());
    assertThat(lock).as("lock released").isPresent();
    lock.get().close();
    assertThat(sandbox.path("/var/lib/watchdog-menu/monitor.heartbeat")).doesNotExist();
  }

  @Test
  void sighupReloadsTheTargetListAndAChangedFileReloadsByItself() throws Exception {
    quietTarget("alpha", "");
    quietTarget("bravo", "");
    Path list = sandbox.path("/etc/watchdog-menu/monitor.yaml");
    Files.writeString(list, "targets: [alpha]\n");
    MonitorRun monitor = start();
    monitor.awaitOutput("monitoring 1 target: alpha every 1s", 30);
    awaitFile(
        sandbox.path("/var/lib/watchdog-menu/monitor.heartbeat"), "pid=" + monitor.process.pid());

    // same size, same time: only the signal can make the monitor see it
    FileTime before = Files.getLastModifiedTime(list);
    Files.writeString(list, "targets: [bravo]\n");
    Files.setLastModifiedTime(list, before);
    Thread.sleep(2_500);
    assertThat(monitor.output()).doesNotContain("bravo every");
    monitor.signal("HUP");
    monitor.awaitOutput("monitoring 1 target: bravo every 1s", 10);
    awaitFile(sandbox.path("/var/log/bravo-health.log"), "=== Health Check Start: bravo ===");

    Files.writeString(list, "targets: [alpha, bravo]\n");
    monitor.awaitOutput("monitoring 2 targets: alpha every 1s, bravo every 1s", 10);
    assertThat(monitor.stop(30)).isZero();
  }

  @Test
  void aTargetFileThatTurnsInvalidKeepsItsLastGoodSettingsAndSaysWhy() throws Exception {
    Path file = quietTarget("alpha", "");
    MonitorRun monitor = start("alpha");
    monitor.awaitOutput("alpha: OK", 30);

    quietTarget("alpha", "colour: red\n");
    monitor.awaitOutput("alpha: keeping the last good settings: ", 10);
    assertThat(monitor.count("keeping the last good settings")).isEqualTo(1);
    assertThat(monitor.output()).contains(file.getFileName().toString()).contains("colour");
    Path log = sandbox.path("/var/log/alpha-health.log");
    long checks = startsIn(log);
    Thread.sleep(2_500);
    assertThat(startsIn(log)).as("still checked with the last good settings").isGreaterThan(checks);
    assertThat(monitor.stop(30)).isZero();
  }

  private void webTarget(int port, String beforeStart, String cooldown) throws IOException {
    sandbox.target(
        "web",
        String.join(
            "\n",
            "id: web",
            "service:",
            "  kind: command",
            "  restart:",
            "    - /bin/sh",
            "    - -c",
            "    - 'echo restart >> "
                + restarts
                + "; "
                + beforeStart
                + "python3 -m http.server "
                + port
                + " --bind 127.0.0.1 --directory "
                + dir
                + " >/dev/null 2>&1 & echo $! > "
                + pidFile
                + "'",
            "probes:",
            "  - type: http",
            "    url: http://127.0.0.1:" + port + "/",
            "    timeout: 2s",
            "policy: {interval: 2s, retries: 2, retry_delay: 1s, grace: 1s, lock_timeout: 30s,",
            "  cooldown: " + cooldown + "}",
            ""));
    Files.writeString(sandbox.path("/etc/watchdog-menu/monitor.yaml"), "targets: [web]\n");
  }

  private Path quietTarget(String id, String extra) throws IOException {
    return sandbox.target(
        id,
        "id: "
            + id
            + "\nservice: {kind: command, restart: [/bin/true]}\n"
            + "probes:\n  - type: command\n    command: [/bin/true]\n"
            + "policy: {interval: 1s}\n"
            + extra);
  }

  private MonitorRun start(String... targets) throws IOException {
    MonitorRun run = MonitorRun.start(sandbox, dir, targets);
    running.add(run);
    return run;
  }

  private Path state() {
    return sandbox.path("/var/lib/watchdog-menu/state/web.txt");
  }

  private void killServer() throws IOException {
    if (Files.exists(pidFile)) {
      ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
          .ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private static long startsIn(Path log) throws IOException {
    return Files.readAllLines(log).stream().filter(l -> l.contains("Health Check Start")).count();
  }

  private static void awaitFile(Path file, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (Files.exists(file) && Files.readString(file).contains(text)) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no '" + text + "' in " + file + " after 30s");
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void awaitClosed(int port) throws InterruptedException {
    while (listening(port)) {
      Thread.sleep(10);
    }
  }

  private static void awaitListening(int port, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!listening(port)) {
      assertThat(System.nanoTime()).as("port " + port + " back").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
