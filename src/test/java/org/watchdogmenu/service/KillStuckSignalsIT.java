package org.watchdogmenu.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.CommandService;
import org.watchdogmenu.model.KillStuckSpec;
import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.model.SystemdService;
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
class KillStuckSignalsIT {
  private static final int WWW = 33;

  @TempDir Path root;
  private final ScriptedCommandRunner runner = new ScriptedCommandRunner();
  private Host host;
  private FakeProc proc;

  /**
   * Real processes of this test whose pids the fake {@code /proc} describes: were the level to
   * signal a pid it refused, it would hit one of these, never a process of the machine.
   */
  private Process rootProc;

  private Process wwwProc;
  private long rootPid;
  private long wwwPid;

  @BeforeEach
  void setUp() throws Exception {
    host = TestHosts.scripted(root, runner, MutableClock.at("2025-02-14T10:30:00Z"));
    rootProc = new ProcessBuilder("sleep", "60").start();
    wwwProc = new ProcessBuilder("sleep", "60").start();
    rootPid = rootProc.pid();
    wwwPid = wwwProc.pid();
    proc =
        new FakeProc(root)
            .process(rootPid, "node", "/usr/bin/node", 1, 0)
            .process(wwwPid, "node", "/usr/bin/node", 1, 0)
            .owner(wwwPid, WWW);
    Files.createDirectories(root.resolve("run"));
  }

  @AfterEach
  void stop() throws InterruptedException {
    for (Process p : List.of(rootProc, wwwProc)) {
      p.destroyForcibly();
      p.waitFor();
    }
  }

  private void assertNothingSignalled() throws InterruptedException {
    Thread.sleep(100);
    assertThat(rootProc.isAlive()).isTrue();
    assertThat(wwwProc.isAlive()).isTrue();
  }

  private static final KillStuckSpec KILL = new KillStuckSpec("/run/app.pid", null, null);

  /** A command service run by {@code user} (null: root) whose pid file names the stuck process. */
  private static ServiceSpec command(String user) {
    return new CommandService(
        List.of("/opt/app/restart.sh"), List.of(), user, null, null, List.of(), KILL);
  }

  private RestartStep level(ServiceSpec s) {
    Target target = new Target("app", null, null, null, null, s, List.of(), null, null);
    List<RestartStep> steps = ServiceControls.forTarget(target, host).restartSteps();
    assertThat(steps).hasSize(2);
    return steps.get(1);
  }

  private RestartStep userLevel() {
    return level(command("www-data"));
  }

  private Path pidFile(String content) throws Exception {
    return Files.writeString(root.resolve("run/app.pid"), content);
  }

  @Test
  void aRootPidInAUserServicesPidFileIsRefusedWithoutSignalOrRestart() throws Exception {
    pidFile(rootPid + "\n");

    CommandResult r = userLevel().run(runner);

    assertThat(runner.seen()).isEmpty();
    assertThat(r.succeeded()).isFalse();
    assertThat(r.summary())
        .isEqualTo(
            "could not start: refusing pid "
                + rootPid
                + " from /run/app.pid (root): it runs as root, not as www-data, the service's"
                + " user; nothing was signalled");
    assertNothingSignalled();
  }

  @Test
  void aPidThatIsGoneLeavesNothingToKillAndTheRestartRuns() throws Exception {
    pidFile("4194303\n");
    runner.expect("runuser", "-u", "www-data", "--", "/opt/app/restart.sh").exits(0);

    CommandResult r = userLevel().run(runner);

    runner.verifyAllUsed();
    assertThat(r.succeeded()).isTrue();
    assertNothingSignalled();
  }

  @Test
  void aPidReusedSinceThePidFileWasWrittenIsRefused() throws Exception {
    Path file = pidFile(wwwPid + "\n");
    proc.started(wwwPid, Files.getLastModifiedTime(file).toInstant().plusSeconds(120));

    CommandResult r = userLevel().run(runner);

    assertThat(runner.seen()).isEmpty();
    assertThat(r.summary())
        .startsWith(
            "could not start: refusing pid "
                + wwwPid
                + " from /run/app.pid (www-data): it started at ")
        .contains(", after the pid file was written at ")
        .endsWith("so the pid was reused and the pid file is stale; nothing was signalled");
    assertNothingSignalled();
  }

  @Test
  void aPidFileThatHoldsNoPidIsRefusedWithoutRepeatingIt() throws Exception {
    Path file = pidFile(rootPid + "; kill -9 1\n");

    CommandResult r = userLevel().run(runner);

    assertThat(runner.seen()).isEmpty();
    assertThat(r.summary())
        .isEqualTo(
            "could not start: refusing pid file "
                + file
                + ": it holds no pid ("
                + (rootPid + "; kill -9 1\n").length()
                + " bytes that are not one whole number from 1 to 4194304); nothing was signalled");
    assertNothingSignalled();
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
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
  void aRootRunServiceRefusesAPidFileAnotherAccountOwns() throws Exception {
    Path file = pidFile(rootPid + "\n");
    Files.setOwner(
        file,
        root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("www-data"));

    CommandResult r = level(command(null)).run(runner);

    assertThat(runner.seen()).isEmpty();
    assertThat(r.summary())
        .startsWith(
            "could not start: refusing pid file "
                + file
                + ": it belongs to www-data and the service runs as root; set service.user");
    assertNothingSignalled();
  }

  @Test
  void aSystemdUnitRefusesAPidOutsideItsControlGroup() throws Exception {
    proc.cgroup(rootPid, "/system.slice/cron.service");
    pidFile(rootPid + "\n");

    CommandResult r = level(new SystemdService("app", List.of(), KILL)).run(runner);

    assertThat(runner.seen()).isEmpty();
    assertThat(r.summary())
        .isEqualTo(
            "could not start: refusing pid "
                + rootPid
                + " from /run/app.pid (root): it is not in app.service's control group (it is in"
                + " /system.slice/cron.service); nothing was signalled");
    assertNothingSignalled();
  }

  @Test
  void aProcessThatIsNotTheOneTheKernelStartedThenIsNotSignalled() throws Exception {
    // the fake /proc says the service's process started in 2025; the real one with that pid did
    // not: the JDK's handle would stand for another process, so the level leaves it alone
    pidFile(wwwPid + "\n");
    runner.expect("runuser", "-u", "www-data", "--", "/opt/app/restart.sh").exits(0);

    CommandResult r = userLevel().run(runner);

    runner.verifyAllUsed();
    assertThat(r.succeeded()).isTrue();
    assertNothingSignalled();
  }

  @Test
  void userRootIsARootRunServiceAndRefusesAPidFileAnotherAccountCanWrite() throws Exception {
    Path home = Files.createDirectories(root.resolve("home/app"));
    Path file = Files.writeString(home.resolve("app.pid"), rootPid + "\n");
    Files.setOwner(
        home,
        root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("www-data"));
    ServiceSpec s =
        new CommandService(
            List.of("/opt/app/restart.sh"),
            List.of(),
            "root",
            null,
            null,
            List.of(),
            new KillStuckSpec("/home/app/app.pid", null, null));
    RestartStep level =
        ServiceControls.forTarget(
                new Target("app", null, null, null, null, s, List.of(), null, null), host)
            .restartSteps()
            .get(1);

    CommandResult r = level.run(runner);

    assertThat(runner.seen()).isEmpty();
    assertThat(r.summary())
        .startsWith(
            "could not start: refusing pid file "
                + file
                + ": "
                + home
                + " belongs to www-data; set service.user");
    assertNothingSignalled();
  }
}
