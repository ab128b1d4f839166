package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Security issue, item 2: anyone could block restarts and installs. Lock files were 0644 in
 * /var/tmp and /var/lib, opened without O_NOFOLLOW or an owner check: any account takes a shared
 * fcntl lock on them (Java takes fcntl locks, so flock(1) would not conflict: the attacker uses
 * python's {@code fcntl.lockf(fd, LOCK_SH)} on a read-only fd), or creates the lock file first and
 * holds it. Expected: locks live in a 0700 root folder ({@code /run/watchdog-menu/} under --root);
 * whatever the second account locks, restarts and installs go ahead without waiting.
 */
class SecurityAttackLocksIT {
  private static final Duration LIMIT = Duration.ofSeconds(60);

  /**
   * The second account walks the sandbox and takes a shared lock on every file with "lock" in its
   * name that it can open read-only, then prints what it holds and keeps the locks until killed.
   */
  private static final String LOCK_EVERYTHING =
      String.join(
          "\n",
          "import os, sys, fcntl, time",
          "held = []",
          "for d, dirs, files in os.walk(sys.argv[1]):",
          "    for f in files:",
          "        if 'lock' not in f:",
          "            continue",
          "        p = os.path.join(d, f)",
          "        try:",
          "            fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)",
          "            fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)",
          "            held.append(fd)",
          "            held.append(p)",
          "        except OSError:",
          "            pass",
          "print('holding ' + ' '.join(x for x in held if isinstance(x, str)))",
          "time.sleep(120)",
          "");

  /** The second account creates the lock file itself (0644, its own) and holds it exclusively. */
  private static final String CREATE_AND_HOLD =
      String.join(
          "\n",
          "import os, sys, fcntl, time",
          "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o644)",
          "fcntl.lockf(fd, fcntl.LOCK_EX)",
          "print('holding ' + sys.argv[1])",
          "time.sleep(120)",
          "");

  private static SecondAccount account;

  /** A jar run. */
  private interface JarRun {
    Jar.Run run() throws Exception;
  }

  /** Runs the jar; a hang says which locks the second account held meanwhile. */
  private static Jar.Run whileHeld(String holding, JarRun run) throws Exception {
    try {
      return run.run();
    } catch (AssertionError e) {
      throw new AssertionError(
          "while the second account was " + holding + ": " + e.getMessage(), e);
    }
  }

  @TempDir Path dir;
  private Sandbox sandbox;
  private Path marker;

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
    marker = dir.resolve("restarted.txt");
  }

  private void target(String id, String paths) throws Exception {
    sandbox.target(
        id,
        String.join(
            "\n",
            "id: " + id,
            "service:",
            "  kind: command",
            "  restart: [\"/bin/sh\", \"-c\", \"echo restarted >> " + marker + "\"]",
            paths,
            "policy: {lock_timeout: 2s}",
            ""));
  }

  @ParameterizedTest(name = "protected_symlinks/regular/fifos={0}")
  @ValueSource(ints = {0, 1})
  void sharedReadLocksByAnotherAccountDoNotBlockARestart(int protections) throws Exception {
    target("guarded", "");
    // a first run leaves every lock file the tool uses where it keeps them
    Jar.Run first = Attack.jar(LIMIT, sandbox.root, "restart", "guarded", "--force");
    assertThat(first.exit()).as(Attack.printed(first)).isZero();
    Files.delete(marker);
    try (Sysctls s = Sysctls.protections(protections)) {
      Process holder = account.startPython(LOCK_EVERYTHING, sandbox.root.toString());
      try {
        String holding = SecondAccount.firstLine(holder, 20);
        assertThat(holding).as("the attacker is ready").startsWith("holding");

        // bounded: a run that waits out another account's lock is killed (and fails) at 8s
        Jar.Run r =
            whileHeld(
                holding,
                () ->
                    Attack.jar(
                        Attack.HANG,
                        sandbox.root,
                        "restart",
                        "guarded",
                        "--force",
                        "--source",
                        "manual"));

        assertThat(Attack.printed(r))
            .as("the second account %s", holding)
            .doesNotContain("Could not acquire lock");
        assertThat(r.exit()).as(Attack.printed(r)).isZero();
        assertThat(marker).as("the restart command ran").exists();
        assertThat(r.millis())
            .as("no wait on a lock another account holds (%s)", holding)
            .isLessThan(7000L);
      } finally {
        SecondAccount.stop(holder);
      }
    }
  }

  @ParameterizedTest(name = "protected_symlinks/regular/fifos={0}")
  @ValueSource(ints = {0, 1})
  void aLockFileTheOtherAccountCreatedFirstDoesNotBlockARestart(int protections) throws Exception {
    // the site keeps the seed's /var/tmp state file; the old lock was beside it
    target("early", "paths: {state: /var/tmp/early_restart_state.txt}");
    try (Sysctls s = Sysctls.protections(protections)) {
      Process holder =
          account.startPython(
              CREATE_AND_HOLD, sandbox.path("/var/tmp/early_restart_state.txt.lock").toString());
      try {
        assertThat(SecondAccount.firstLine(holder, 20)).startsWith("holding");

        Jar.Run r = Attack.jar(LIMIT, sandbox.root, "restart", "early", "--source", "manual");

        assertThat(Attack.printed(r))
            .as("with " + Sysctls.describe())
            .doesNotContain("Could not acquire lock");
        assertThat(r.exit()).as(Attack.printed(r)).isZero();
        assertThat(marker).as("the restart command ran").exists();
      } finally {
        SecondAccount.stop(holder);
      }
    }
  }

  @Test
  void sharedReadLocksByAnotherAccountDoNotBlockAnInstall() throws Exception {
    Jar.Run first = Attack.jar(LIMIT, sandbox.root, "enable", "paqet-server", "--health", "5m");
    assertThat(first.exit()).as(Attack.printed(first)).isZero();
    Process holder = account.startPython(LOCK_EVERYTHING, sandbox.root.toString());
    try {
      String holding = SecondAccount.firstLine(holder, 20);
      assertThat(holding).startsWith("holding");

      Jar.Run r =
          whileHeld(
              holding,
              () ->
                  Attack.jar(
                      Attack.HANG, sandbox.root, "enable", "paqet-server", "--health", "10m"));

      assertThat(r.exit()).as("the second account %s: %s", holding, Attack.printed(r)).isZero();
      assertThat(Files.readString(sandbox.path("/etc/cron.d/paqet-health-paqet-server")))
          .contains("*/10 * * * *");
      assertThat(r.millis()).as("no wait on a lock another account holds").isLessThan(7000L);
    } finally {
      SecondAccount.stop(holder);
    }
  }
}
