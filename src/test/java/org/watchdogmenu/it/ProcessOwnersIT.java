package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real second account against {@code check} through the jar: a pid file of a kill level naming
 * root's process, {@code process: sleep} among root's and the account's sleeps, and a pm2 pid file
 * that is a FIFO or a link to {@code /dev/zero}. The account is made with {@code useradd} and
 * removed afterwards.
 */
class ProcessOwnersIT {
  private static final String ACCOUNT =
      "wdmproc" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);

  @TempDir Path dir;
  private Sandbox sandbox;
  private Path home;
  private final List<Process> started = new ArrayList<>();

  @BeforeAll
  static void addAccount() throws Exception {
    run("useradd", "-M", "-d", "/home/" + ACCOUNT, "-s", "/usr/sbin/nologin", ACCOUNT);
  }

  @AfterAll
  static void removeAccount() throws Exception {
    run("userdel", ACCOUNT);
  }

  @BeforeEach
  void setUp() throws Exception {
    // the account must reach its home inside the sandbox
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
    home = Files.createDirectories(sandbox.path("/home/" + ACCOUNT));
    run("chown", ACCOUNT + ":", home.toString());
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
  }

  @AfterEach
  void stopProcesses() throws InterruptedException {
    for (Process p : started) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aPidFileNamingRootsProcessIsRefusedAndRootsProcessLives() throws Exception {
    Process rootSleep = start("sleep", "300");
    asAccount("sh", "-c", "echo " + rootSleep.pid() + " > " + home.resolve("app.pid"));
    sandbox.target("victim", killTarget("victim", "pid_file: /home/" + ACCOUNT + "/app.pid"));

    Jar.Run r = Jar.run(sandbox.root, "check", "victim");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
    Thread.sleep(300);
    assertThat(rootSleep.isAlive()).as("root's sleep after the check").isTrue();
    String log = Files.readString(sandbox.path("/var/log/victim-health.log"));
    List<String> refusals = log.lines().filter(l -> l.contains("refusing pid")).toList();
    assertThat(refusals)
        .singleElement()
        .asString()
        .contains(
            "refusing pid "
                + rootSleep.pid()
                + " from /home/"
                + ACCOUNT
                + "/app.pid (root): it runs as root, not as "
                + ACCOUNT
                + ", the service's user; nothing was signalled");
    assertThat(r.err()).doesNotContain("Exception");
  }

  @Test
  void processSleepKillsOnlyTheServiceUsersSleep() throws Exception {
    Process rootSleep = start("sleep", "301");
    Process wrapper = start("runuser", "-u", ACCOUNT, "--", "sleep", "302");
    ProcessHandle userSleep = awaitChild(wrapper, "sleep");
    sandbox.target("sleeper", killTarget("sleeper", "process: sleep"));

    Jar.Run r = Jar.run(sandbox.root, "check", "sleeper");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
    assertThat(r.out()).contains("kill the stuck process sleep");
    assertThat(gone(userSleep, 5)).as("the account's sleep after the check").isTrue();
    assertThat(rootSleep.isAlive()).as("root's sleep after the check").isTrue();
  }

  @Test
  void aFifoAsPm2PidFileEndsTheCheckAtOnceAsUnknown() throws Exception {
    Path pm2 = pm2Home();
    asAccount("mkfifo", pm2.resolve("pm2.pid").toString());

    Jar.Run r = runBounded("check", "web");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(3);
    assertThat(r.millis()).isLessThan(15_000L);
    assertOneRefusal(r, pm2.resolve("pm2.pid") + ": it is a FIFO, not a regular file");
  }

  @Test
  void aLinkToDevZeroAsPm2PidFileIsUnknownWithoutReadingIt() throws Exception {
    Path pm2 = pm2Home();
    asAccount("ln", "-s", "/dev/zero", pm2.resolve("pm2.pid").toString());

    Jar.Run r = runBounded("check", "web");

    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(3);
    assertThat(r.millis()).isLessThan(15_000L);
    assertOneRefusal(r, pm2.resolve("pm2.pid") + ": it is a link, not a regular file");
  }

  private void assertOneRefusal(Jar.Run r, String what) {
    List<String> lines = r.out().lines().filter(l -> l.contains("pm2.pid")).toList();
    assertThat(lines)
        .singleElement()
        .asString()
        .endsWith("Health check UNKNOWN: cannot tell whether the service runs: refusing " + what);
    assertThat(r.out() + r.err())
        .doesNotContain("Exception")
        .doesNotContain("OutOfMemoryError")
        .doesNotContain("\tat ");
  }

  /** A pm2 target of the account, with its {@code ~/.pm2} made by the account. */
  private Path pm2Home() throws Exception {
    Path pm2 = home.resolve(".pm2");
    asAccount("mkdir", pm2.toString());
    sandbox.target(
        "web",
        String.join(
            "\n",
            "id: web",
            "service: {kind: pm2, app: web, user: " + ACCOUNT + "}",
            "probes:",
            "  - {type: pm2}",
            "policy: {retries: 1, retry_delay: 100ms, grace: 100ms}",
            ""));
    return pm2;
  }

  /** A command service of the account whose probe always fails, with a kill level. */
  private static String killTarget(String id, String which) {
    return String.join(
        "\n",
        "id: " + id,
        "service:",
        "  kind: command",
        "  user: " + ACCOUNT,
        "  restart: [/bin/true]",
        "  kill_stuck: {" + which + ", term_wait: 1s}",
        "probes:",
        "  - {type: command, command: [/bin/false]}",
        "policy: {retries: 1, retry_delay: 100ms, grace: 100ms}",
        "");
  }

  /** The jar, given at most 30 s: a check that hangs on a FIFO fails the test instead. */
  private Jar.Run runBounded(String... args) throws Exception {
    Path out = dir.resolve("out.txt");
    long t0 = System.nanoTime();
    Process p = Jar.start(sandbox.root, out, args);
    started.add(p);
    boolean ended = p.waitFor(30, TimeUnit.SECONDS);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(ended).as("check ended within 30s").isTrue();
    return new Jar.Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(dir.resolve("out.txt.err"), StandardCharsets.UTF_8),
        millis);
  }

  private Process start(String... argv) throws IOException {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    started.add(p);
    return p;
  }

  private static void asAccount(String... argv) throws Exception {
    List<String> all = new ArrayList<>(List.of("runuser", "-u", ACCOUNT, "--"));
    all.addAll(List.of(argv));
    run(all.toArray(String[]::new));
  }

  private static void run(String... argv) throws Exception {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(String.join(" ", argv) + ": " + out).isZero();
  }

  /** The child of {@code parent} running {@code program}, once it is there. */
  private static ProcessHandle awaitChild(Process parent, String program) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> child =
          parent
              .descendants()
              .filter(h -> h.info().command().map(c -> c.endsWith("/" + program)).orElse(false))
              .findFirst();
      if (child.isPresent()) {
        return child.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no " + program + " below pid " + parent.pid() + " after 5s");
  }

  /** Gone, or a zombie: PID 1 here may never collect an orphan. */
  private static boolean gone(ProcessHandle h, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (!h.isAlive() || zombie(h.pid())) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  private static boolean zombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException e) {
      return true;
    }
  }
}
