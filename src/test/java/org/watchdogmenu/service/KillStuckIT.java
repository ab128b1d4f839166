package org.watchdogmenu.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.TestHosts;

/** The kill level against real process trees, read from a real target file. */
class KillStuckIT {
  @TempDir Path dir;
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void tearDown() {
    for (Process p : started) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  @Test
  void aTreeThatIgnoresSigtermIsKilledAfterTheWaitAndThenRestarted() throws Exception {
    Process stuck = start("trap '' TERM; sleep 60 & sleep 60 & wait");
    List<ProcessHandle> tree = tree(stuck);
    RestartStep kill = killLevel("500ms");
    assertThat(kill.description())
        .isEqualTo(
            "kill the stuck process of /run/stuck.pid and its children (SIGTERM, 500ms, SIGKILL),"
                + " then /bin/sh -c 'echo restarted >> "
                + dir.resolve("restarts.txt")
                + "'");

    long t0 = System.nanoTime();
    CommandResult r = kill.run(host().runner());
    long millis = (System.nanoTime() - t0) / 1_000_000;

    assertThat(r.succeeded()).as(r.summary()).isTrue();
    assertThat(millis).isBetween(450L, 5_000L);
    awaitGone(tree);
    assertThat(Files.readAllLines(dir.resolve("restarts.txt"))).containsExactly("restarted");
  }

  @Test
  void aTreeThatHeedsSigtermGoesWithoutWaitingTheWholeTime() throws Exception {
    Process stuck = start("sleep 60 & sleep 60 & wait");
    List<ProcessHandle> tree = tree(stuck);

    long t0 = System.nanoTime();
    assertThat(killLevel("20s").run(host().runner()).succeeded()).isTrue();

    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000L);
    awaitGone(tree);
  }

  @Test
  void noStuckProcessStillRestarts() throws Exception {
    assertThat(killLevel("1s").run(host().runner()).succeeded()).isTrue();
    assertThat(Files.readAllLines(dir.resolve("restarts.txt"))).containsExactly("restarted");
  }

  private RestartStep killLevel(String wait) throws Exception {
    Path file = dir.resolve("root/etc/watchdog-menu/targets/stuck.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        String.join(
            "\n",
            "id: stuck",
            "service:",
            "  kind: command",
            "  restart: [/bin/sh, -c, 'echo restarted >> " + dir.resolve("restarts.txt") + "']",
            "  kill_stuck: {pid_file: /run/stuck.pid, term_wait: " + wait + "}",
            ""));
    Target target = Catalog.load(host().root()).target("stuck");
    List<RestartStep> steps = ServiceControls.forTarget(target, host()).restartSteps();
    assertThat(steps).hasSize(2);
    return steps.get(1);
  }

  private Host host() throws Exception {
    return TestHosts.real(Files.createDirectories(dir.resolve("root")));
  }

  private Process start(String script) throws Exception {
    Process p = new ProcessBuilder("/bin/sh", "-c", script).start();
    started.add(p);
    Path pidFile = dir.resolve("root/run/stuck.pid");
    Files.createDirectories(pidFile.getParent());
    Files.writeString(pidFile, p.pid() + "\n");
    return p;
  }

  /** Gone, or a zombie of this JVM's own child that the JDK reaps a moment later. */
  private static void awaitGone(List<ProcessHandle> tree) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
  }

  private static List<ProcessHandle> tree(Process p) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (p.descendants().count() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    List<ProcessHandle> all = new ArrayList<>(List.of(p.toHandle()));
    p.descendants().forEach(all::add);
    assertThat(all).hasSize(3);
    return all;
  }
}
