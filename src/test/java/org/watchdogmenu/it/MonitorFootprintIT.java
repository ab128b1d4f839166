package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor as its unit runs it ({@code monitor}, no targets) keeps what a long run does not need
 * out of its memory: it never builds the command line's model, and it reads its targets compiled,
 * having them compiled by a short child process of the same jar, so the YAML data binding is never
 * loaded in it. Each JVM's class loading is logged to a file of its own ({@code %p}).
 */
class MonitorFootprintIT {
  @TempDir Path dir;
  private Sandbox sandbox;
  private Path logs;
  private final List<MonitorRun> running = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
    logs = Files.createDirectories(dir.resolve("classes"));
  }

  @AfterEach
  void tearDown() {
    running.forEach(MonitorRun::close);
  }

  @Test
  void theUnitsMonitorReadsItsTargetsCompiledAndNeverLoadsTheParsersOrTheModel() throws Exception {
    MonitorRun monitor = alphaAndBravoMonitored();
    monitor.awaitOutput("monitoring 2 targets: alpha every 1s, bravo every 1s", 60);
    monitor.awaitOutput("alpha: OK", 30);
    Path compiled = sandbox.path("/var/lib/watchdog-menu/compiled/bravo");
    assertThat(sandbox.path("/var/lib/watchdog-menu/compiled/alpha")).isRegularFile();
    byte[] before = Files.readAllBytes(compiled);

    quietTarget("bravo", "2s");
    monitor.awaitOutput("monitoring 2 targets: alpha every 1s, bravo every 2s", 60);
    assertThat(Files.readAllBytes(compiled))
        .as("compiled again after the change")
        .isNotEqualTo(before);
    long pid = monitor.process.pid();
    assertThat(monitor.stop(30)).isZero();

    // the targets were parsed and compiled, but not in the monitor: a child of it did that
    String own = Files.readString(logs.resolve("classes-" + pid + ".txt"));
    assertThat(own).contains("org.watchdogmenu.monitor.Monitor ");
    assertThat(own).doesNotContain("org.watchdogmenu.catalog.CatalogLoader ");
    assertThat(own).doesNotContain("com.fasterxml.jackson.databind.");
    assertThat(own).doesNotContain("picocli.CommandLine$Model");
  }

  @Test
  void aBrokenTargetFileStillGetsItsLineAndTheOthersStayMonitored() throws Exception {
    MonitorRun monitor = alphaAndBravoMonitored();
    monitor.awaitOutput("monitoring 2 targets", 60);

    Path file =
        sandbox.target(
            "bravo", "id: bravo\nservice: {kind: command, restart: [/bin/true]}\ncolour: red\n");
    monitor.awaitOutput("bravo: keeping the last good settings: ", 60);
    assertThat(monitor.output()).contains(file.getFileName().toString()).contains("colour");
    monitor.awaitOutput("alpha: OK", 30);
    assertThat(monitor.stop(30)).isZero();
  }

  /** Two quiet targets every second, in the monitor list, and the monitor started on it. */
  private MonitorRun alphaAndBravoMonitored() throws IOException {
    quietTarget("alpha", "1s");
    quietTarget("bravo", "1s");
    Files.writeString(sandbox.path("/etc/watchdog-menu/monitor.yaml"), "targets: [alpha, bravo]\n");
    return start();
  }

  private void quietTarget(String id, String interval) throws IOException {
    sandbox.target(
        id,
        "id: "
            + id
            + "\nservice: {kind: command, restart: [/bin/true]}\n"
            + "probes:\n  - type: command\n    command: [/bin/true]\n"
            + "policy: {interval: "
            + interval
            + "}\n");
  }

  private MonitorRun start() throws IOException {
    String log = "-Xlog:class+load=info:file=" + logs.resolve("classes-%p.txt");
    MonitorRun run = MonitorRun.start(sandbox, dir, Map.of("JDK_JAVA_OPTIONS", log));
    running.add(run);
    return run;
  }
}
