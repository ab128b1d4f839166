package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security issue, items 4, 5, 7 (environment, double fork) and 8: what root runs and kills.
 *
 * <ul>
 *   <li>kill_stuck's pid file is written by the service's user, who puts a root process's pid in
 *       it; {@code process: NAME} killed every process of that name on the host. Expected: never a
 *       signal to a process that is not the service user's.
 *   <li>restart commands run through runuser kept the operator's controlling terminal: with TIOCSTI
 *       they typed into the root shell that started watchdog-menu. Expected: no terminal.
 *   <li>children inherited root's environment (NOTIFY_SOCKET, SSH_AUTH_SOCK, JDK_JAVA_OPTIONS); a
 *       double-forked grandchild escaped the timeout kill.
 *   <li>command output went to temp files in /tmp that outlive the run (a daemon the restart
 *       started keeps writing to the deleted file), and a probe printing 1 GiB filled /tmp.
 * </ul>
 */
class SecurityAttackCommandsIT {
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static final long KEPT_AT_MOST = 64L * 1024 * 1024;
  private static SecondAccount account;

  @TempDir Path dir;
  private Sandbox sandbox;

  /** A folder the second account can write (its app folder). */
  private Path appDir;

  private final List<Process> started = new ArrayList<>();
  private final List<String> tokens = new ArrayList<>();

  @BeforeAll
  static void createAccount() throws Exception {
    account = SecondAccount.create();
  }

  @AfterAll
  static void removeAccount() {
    if (account != null) {
      account.close();
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    sandbox = Attack.sandbox(dir);
    appDir = Files.createDirectories(dir.resolve("app"));
    account.own(appDir);
    Attack.chmod(appDir, "rwxr-xr-x");
  }

  @AfterEach
  void tearDown() {
    started.forEach(p -> Attack.kill(p.toHandle()));
    tokens.forEach(Attack::killWith);
  }

  /** A number no other process on the machine has in its command line (a sleep's argument). */
  private String seconds(int whole) {
    String t = whole + "." + (100000 + new SecureRandom().nextInt(900000));
    tokens.add(t);
    return t;
  }

  private Process startRoot(String... argv) throws IOException {
    Process p =
        new ProcessBuilder(argv)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectErrorStream(true)
            .start();
    started.add(p);
    return p;
  }

  // ------------------------------------------------------------------ item 4: kill_stuck

  private void stuckTarget(String id, String killStuck) throws Exception {
    sandbox.target(
        id,
        String.join(
            "\n",
            "id: " + id,
            "service:",
            "  kind: command",
            "  user: " + account.name,
            "  restart: [\"/bin/true\"]",
            "  kill_stuck:",
            "    " + killStuck,
            "    term_wait: 1s",
            "probes:",
            "  - {type: command, command: [\"/bin/false\"]}",
            "policy: {retries: 1, grace: 500ms, lock_timeout: 2s}",
            ""));
  }

  @Test
  void aPidFileWrittenByTheServiceUserCannotMakeRootKillARootProcess() throws Exception {
    Process victim = startRoot("sleep", seconds(300));
    Path pidDir = Attack.accountFolder(sandbox, account, "/run/wdmapp");
    stuckTarget("stuck", "pid_file: /run/wdmapp/app.pid");
    // the service user writes the pid of a root process into its pid file
    account.python(
        "import sys\nopen(sys.argv[1], 'w').write(sys.argv[2] + '\\n')\n",
        pidDir.resolve("app.pid").toString(),
        String.valueOf(victim.pid()));

    Jar.Run r = Attack.jar(LIMIT, sandbox.root, "check", "stuck");

    assertThat(Attack.printed(r)).as("the kill level was reached").contains("/run/wdmapp/app.pid");
    Thread.sleep(300);
    assertThat(victim.isAlive())
        .as("root's process named in the user's pid file: " + Attack.printed(r))
        .isTrue();
  }

  @Test
  void killingByProcessNameSparesTheProcessesOfOtherAccounts() throws Exception {
    String name = "wdmv" + Attack.token();
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Attack.chmod(bin, "rwxr-xr-x");
    Path program = bin.resolve(name);
    Files.copy(Path.of("/bin/sleep"), program);
    Attack.chmod(program, "rwxr-xr-x");
    tokens.add(program.toString());
    Process rootOne = startRoot(program.toString(), "300");
    Process usersOne = startRoot("runuser", "-u", account.name, "--", program.toString(), "300");
    ProcessHandle usersChild = waitForChildOf(usersOne, program.toString());
    stuckTarget("byname", "process: " + name);

    Jar.Run r = Attack.jar(LIMIT, sandbox.root, "check", "byname");

    Thread.sleep(300);
    assertThat(rootOne.isAlive())
        .as("root's process of the same name: " + Attack.printed(r))
        .isTrue();
    assertThat(Attack.notZombie(usersChild))
        .as("the service user's stuck process is killed (the level ran): " + Attack.printed(r))
        .isFalse();
  }

  private static ProcessHandle waitForChildOf(Process parent, String commandPart)
      throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      Optional<ProcessHandle> child =
          parent
              .descendants()
              .filter(p -> p.info().commandLine().map(c -> c.contains(commandPart)).orElse(false))
              .findFirst();
      if (child.isPresent()) {
        return child.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("runuser did not start " + commandPart);
  }

  // ------------------------------------------------------------------ item 5: TIOCSTI

  private static final String INJECT =
      String.join(
          "\n",
          "import fcntl, os, sys, termios",
          "text, report = sys.argv[1] + '\\n', sys.argv[2]",
          "done = []",
          "def push(fd, what):",
          "    try:",
          "        for c in text:",
          "            fcntl.ioctl(fd, termios.TIOCSTI, c.encode())",
          "        done.append(what + ' injected')",
          "    except OSError as e:",
          "        done.append(what + ' ' + str(e))",
          "for fd in (0, 1, 2):",
          "    push(fd, 'fd%d' % fd)",
          "try:",
          "    tty = os.open('/dev/tty', os.O_RDWR | os.O_NOCTTY)",
          "    push(tty, '/dev/tty')",
          "except OSError as e:",
          "    done.append('/dev/tty ' + str(e))",
          "open(report, 'w').write('; '.join(done) + '\\n')",
          "");

  @Test
  void aRestartRunAsTheServiceUserCannotTypeIntoTheOperatorsTerminal() throws Exception {
    Path legacy = Path.of("/proc/sys/dev/tty/legacy_tiocsti");
    Assumptions.assumeTrue(
        !Files.exists(legacy) || Files.readString(legacy).strip().equals("1"),
        "the kernel refuses TIOCSTI here (dev.tty.legacy_tiocsti=0): nothing to inject");
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/script")), "script(1) is needed for a real pty");
    String typed = "wdm-injected-" + Attack.token();
    Path injector = dir.resolve("inject.py");
    Files.writeString(injector, INJECT);
    Attack.chmod(injector, "rw-r--r--");
    Path report = appDir.resolve("report.txt");
    sandbox.target(
        "tty",
        String.join(
            "\n",
            "id: tty",
            "service:",
            "  kind: command",
            "  user: " + account.name,
            "  restart: [\"/usr/bin/python3\", \""
                + injector
                + "\", \""
                + typed
                + "\", \""
                + report
                + "\"]",
            ""));
    // the operator's root shell: runs watchdog-menu, then reads its next line from the terminal
    Path operator = dir.resolve("operator.sh");
    Files.writeString(
        operator,
        String.join(
            "\n",
            "#!/bin/bash",
            shellLine(Jar.command(sandbox.root, "restart", "tty", "--force")),
            "read -t 3 line",
            "echo \"GOT:$line\"",
            ""));
    Path out = dir.resolve("pty.txt");
    Process script =
        new ProcessBuilder("script", "-qec", "/bin/bash " + operator, "/dev/null")
            .redirectOutput(out.toFile())
            .redirectErrorStream(true)
            .start();
    started.add(script);
    // stdin stays open (and empty) until the shell is done, as a person's would
    boolean done = script.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
    String seen = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(done).as("the pty session ended: " + seen).isTrue();
    assertThat(report).as("the restart ran: " + seen).exists();
    String how = Files.readString(report).strip();
    assertThat(seen)
        .as("what the operator's root shell read after watchdog-menu (injector: %s)", how)
        .doesNotContain("GOT:" + typed);
    // the token itself is on the screen anyway: the restart line shows the command's argv
    assertThat(how).as("the injector could not type into any terminal").doesNotContain("injected");
  }

  private static String shellLine(List<String> argv) {
    return argv.stream()
        .map(a -> "'" + a.replace("'", "'\\''") + "'")
        .collect(Collectors.joining(" "));
  }

  // ------------------------------------------------------------------ item 7: environment, double
  // fork

  @Test
  void aCommandRunAsAnotherAccountGetsACleanEnvironment() throws Exception {
    Path envFile = appDir.resolve("env.txt");
    sandbox.target(
        "env",
        String.join(
            "\n",
            "id: env",
            "service:",
            "  kind: command",
            "  user: " + account.name,
            "  restart: [\"/bin/sh\", \"-c\", \"/usr/bin/env > " + envFile + "\"]",
            ""));
    Map<String, String> rootsEnvironment =
        Map.of(
            "NOTIFY_SOCKET", "/run/systemd/notify",
            "SSH_AUTH_SOCK", "/tmp/ssh-wdmattack/agent.1",
            "JDK_JAVA_OPTIONS", "-Dwdm.attack=1");

    Jar.Run r = Attack.jar(LIMIT, sandbox.root, rootsEnvironment, "restart", "env", "--force");

    assertThat(envFile).as("the restart ran: " + Attack.printed(r)).exists();
    List<String> env = Files.readAllLines(envFile);
    for (String key : rootsEnvironment.keySet()) {
      assertThat(env)
          .as("the environment of the service user's command")
          .noneMatch(l -> l.startsWith(key + "="));
    }
  }

  @Test
  void aDoubleForkedGrandchildDiesWithTheTreeAtTheTimeout() throws Exception {
    String escaper = seconds(61);
    String waiter = seconds(62);
    sandbox.target(
        "fork",
        String.join(
            "\n",
            "id: fork",
            "service:",
            "  kind: command",
            "  user: " + account.name,
            "  restart: [\"/bin/sh\", \"-c\", \"(sleep " + escaper + " &); sleep " + waiter + "\"]",
            "policy: {restart_timeout: 2s}",
            ""));

    Jar.Run r = Attack.jar(LIMIT, sandbox.root, "restart", "fork", "--force");

    assertThat(Attack.printed(r)).as("the restart timed out").contains("timed out");
    assertThat(r.millis()).isLessThan(15000L);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (!Attack.processesWith("sleep " + escaper).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(Attack.processesWith("sleep " + waiter)).as("the waiting child").isEmpty();
    assertThat(Attack.processesWith("sleep " + escaper))
        .as("the double-forked grandchild (reparented away from the restart's tree)")
        .isEmpty();
  }

  // ------------------------------------------------------------------ item 8: output

  @Test
  void aDaemonStartedByARestartWritesToTheTargetsLogNotToADeletedTempFile() throws Exception {
    String daemon = seconds(63);
    String said = "wdm-started-" + Attack.token();
    sandbox.target(
        "daemon",
        String.join(
            "\n",
            "id: daemon",
            "service:",
            "  kind: command",
            "  restart: [\"/bin/sh\", \"-c\", \"echo " + said + "; sleep " + daemon + " &\"]",
            ""));

    Jar.Run r = Attack.jar(LIMIT, sandbox.root, "restart", "daemon", "--force");

    assertThat(r.exit()).as(Attack.printed(r)).isZero();
    List<ProcessHandle> left = Attack.processesWith("sleep " + daemon);
    assertThat(left).as("the daemon the restart started").hasSize(1);
    long pid = left.get(0).pid();
    for (int fd : new int[] {1, 2}) {
      String where = Files.readSymbolicLink(Path.of("/proc/" + pid + "/fd/" + fd)).toString();
      assertThat(where)
          .as("the daemon's fd %d", fd)
          .doesNotContain("(deleted)")
          .satisfiesAnyOf(
              w -> assertThat(w).isEqualTo("/dev/null"),
              w -> assertThat(w).startsWith(sandbox.root.toString()));
    }
    assertThat(Attack.allText(sandbox.path("/var/log")))
        .as("the restart's output is in the target's own log")
        .contains(said);
  }

  @Test
  void aProbePrintingAGibibyteKeepsNothingUnbounded() throws Exception {
    sandbox.target(
        "loud",
        String.join(
            "\n",
            "id: loud",
            "service: {kind: command, restart: [\"/bin/true\"]}",
            "probes:",
            "  - type: command",
            "    command: [\"/bin/sh\", \"-c\", \"head -c 1073741824 /dev/zero; exit 1\"]",
            "    timeout: 30s",
            "policy: {retries: 1}",
            ""));
    Attack.Started run = Attack.start(sandbox.root, Map.of(), "check", "loud", "--no-restart");
    AtomicLong biggest = new AtomicLong();
    AtomicBoolean sawProbe = new AtomicBoolean();
    StringBuilder where = new StringBuilder();
    Set<Path> outputFiles = ConcurrentHashMap.newKeySet();
    try {
      watchOutput(run, biggest, sawProbe, where, outputFiles);
      Jar.Run r = run.await(Duration.ofSeconds(5));
      assertThat(sawProbe).as("the probe ran: " + Attack.printed(r)).isTrue();
      assertThat(biggest.get())
          .as("bytes of the probe's output kept in %s: %s", where, Attack.printed(r))
          .isLessThan(KEPT_AT_MOST);
      assertThat(r.exit()).as("CRITICAL or UNKNOWN: " + Attack.printed(r)).isIn(2, 3);
    } finally {
      // a run killed here leaves its temp output behind: remove what this run wrote in /tmp
      Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
      for (Path p : outputFiles) {
        if (p.getParent() != null
            && p.getParent().equals(tmp)
            && p.getFileName().toString().startsWith("watchdog-menu-")) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * Polls the fds 1 and 2 of everything the run started, recording the biggest regular file they
   * write to; kills the run once it kept too much (proven) or took too long.
   */
  private static void watchOutput(
      Attack.Started run,
      AtomicLong biggest,
      AtomicBoolean sawProbe,
      StringBuilder where,
      Set<Path> outputFiles)
      throws InterruptedException {
    while (run.process().isAlive()) {
      run.process()
          .descendants()
          .forEach(
              p -> {
                if (p.info().commandLine().map(c -> c.contains("head -c")).orElse(false)) {
                  sawProbe.set(true);
                }
                for (int fd : new int[] {1, 2}) {
                  Path link = Path.of("/proc/" + p.pid() + "/fd/" + fd);
                  try {
                    String target = Files.readSymbolicLink(link).toString();
                    if (target.startsWith("/") && !target.startsWith("/dev/")) {
                      outputFiles.add(Path.of(target.replace(" (deleted)", "")));
                      long size = Files.size(link);
                      if (size > biggest.get()) {
                        biggest.set(size);
                        where.setLength(0);
                        where.append(target);
                      }
                    }
                  } catch (IOException | RuntimeException ignored) {
                    // the process ended meanwhile
                  }
                }
              });
      Thread.sleep(20);
      if (biggest.get() >= KEPT_AT_MOST
          || (System.nanoTime() - run.startNanos()) > LIMIT.toNanos()) {
        // proven (or hung): no need to write the rest of the gibibyte to disk
        Attack.kill(run.process().toHandle());
        break;
      }
    }
  }
}
