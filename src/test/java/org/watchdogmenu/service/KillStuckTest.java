package org.watchdogmenu.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.KillStuckSpec;
import org.watchdogmenu.model.ServiceKind;
import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;
import org.watchdogmenu.probe.FakeProc;

/**
 * The kill level decides on a fake {@code /proc} whose pid it may signal: a refusal is one line
 * naming the pid, its owner and why, and then neither a signal nor the restart. (Real signals:
 * KillStuckIT and ProcessOwnersIT.)
 */
class KillStuckTest {
  private static final int WWW = 33;

  @TempDir Path root;
  private final ScriptedCommandRunner runner = new ScriptedCommandRunner();
  private Host host;
  private FakeProc proc;

  @BeforeEach
  void setUp() throws IOException {
    host = TestHosts.scripted(root, runner, MutableClock.at("2025-02-14T10:30:00Z"));
    proc =
        new FakeProc(root)
            .process(100, "node", "/usr/bin/node", 1, 0)
            .process(101, "node", "/usr/bin/node", 1, 0)
            .owner(101, WWW);
    Files.createDirectories(root.resolve("run"));
  }

  private RestartStep level(ServiceKind kind, String unit, String user) {
    ServiceSpec s =
        new ServiceSpec(
            kind,
            unit,
            user,
            null,
            null,
            null,
            null,
            null,
            List.of("/opt/app/restart.sh"),
            null,
            null,
            null,
            new KillStuckSpec("/run/app.pid", null, null));
    Target target = new Target("app", null, null, null, null, s, List.of(), null, null);
    List<RestartStep> steps = ServiceControls.forTarget(target, host).restartSteps();
    assertThat(steps).hasSize(2);
    return steps.get(1);
  }

  private RestartStep userLevel() {
    return level(ServiceKind.COMMAND, null, "www-data");
  }

  private Path pidFile(String content) throws IOException {
    return Files.writeString(root.resolve("run/app.pid"), content);
  }

  @Test
  void aRootPidInAUserServicesPidFileIsRefusedWithoutSignalOrRestart() throws IOException {
    pidFile("100\n");

    CommandResult r = userLevel().run(runner);

    assertThat(runner.seen()).isEmpty();
    assertThat(r.succeeded()).isFalse();
    assertThat(r.summary())
        .isEqualTo(
            "could not start: refusing pid 100 from /run/app.pid (root): it runs as root, not as"
                + " www-data, the service's user; nothing was signalled");
  }

  @Test
  void aPidThatIsGoneLeavesNothingToKillAndTheRestartRuns() throws IOException {
    pidFile("31337\n");
    runner.expect("runuser", "-u", "www-data", "--", "/opt/app/restart.sh").exits(0);

    CommandResult r = userLevel().run(runner);

    runner.verifyAllUsed();
    assertThat(r.succeeded()).isTrue();
  }

  @Test
  void aPidReusedSinceThePidFileWasWrittenIsRefused() throws IOException {
    Path file = pidFile("101\n");
    proc.started(101, Files.getLastModifiedTime(file).toInstant().plusSeconds(60));

    CommandResult r = userLevel().run(runner);

    assertThat(runner.seen()).isEmpty();
    assertThat(r.summary())
        .startsWith(
            "could not start: refusing pid 101 from /run/app.pid (www-data): it started at ")
        .contains(", after the pid file was written at ")
        .endsWith("so the pid was reused and the pid file is stale; nothing was signalled");
  }

  @Test
  void aPidFileThatHoldsNoPidIsRefusedWithoutRepeatingIt() throws IOException {
    Path file = pidFile("100; kill -9 1\n");

    CommandResult r = userLevel().run(runner);

    assertThat(runner.seen()).isEmpty();
    assertThat(r.summary())
        .isEqualTo(
            "could not start: refusing pid file "
                + file
                + ": it holds no pid (15 bytes that are not one whole number from 1 to 4194304);"
                + " nothing was signalled");
  }

  @Test
  void aFifoAsPidFileIsRefusedAtOnce() throws Exception {
    Path fifo = root.resolve("run/app.pid");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

    long t0 = System.nanoTime();
    CommandResult r = userLevel().run(runner);

    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3_000L);
    assertThat(runner.seen()).isEmpty();
    assertThat(r.summary())
        .isEqualTo(
            "could not start: refusing "
                + fifo
                + ": it is a FIFO, not a regular file;"
                + " nothing was signalled");
  }

  @Test
  void aRootRunServiceRefusesAPidFileAnotherAccountOwns() throws IOException {
    Path file = pidFile("100\n");
    Files.setOwner(
        file,
        root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("www-data"));

    CommandResult r = level(ServiceKind.COMMAND, null, null).run(runner);

    assertThat(runner.seen()).isEmpty();
    assertThat(r.summary())
        .startsWith(
            "could not start: refusing pid file "
                + file
                + ": it belongs to www-data and the service has no user; set service.user");
  }

  @Test
  void aSystemdUnitRefusesAPidOutsideItsControlGroup() throws IOException {
    proc.cgroup(100, "/system.slice/cron.service");
    pidFile("100\n");

    CommandResult r = level(ServiceKind.SYSTEMD, "app", null).run(runner);

    assertThat(runner.seen()).isEmpty();
    assertThat(r.summary())
        .isEqualTo(
            "could not start: refusing pid 100 from /run/app.pid (root): it is not in"
                + " app.service's control group (it is in /system.slice/cron.service);"
                + " nothing was signalled");
  }
}
