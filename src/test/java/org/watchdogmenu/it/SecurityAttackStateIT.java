package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Security issue, item 3: the restart history was trusted whoever wrote it. After a reset the
 * second account creates the seed's {@code /var/tmp/{system}_restart_state_{role}.txt} with five
 * fresh lines ("limit reached" for ever), a FIFO there (hangs {@code check} while it holds the
 * lock), or a symlink or hard link to a root-only file (whose lines came back in the world-readable
 * health log as "unreadable line"). Expected: the default history lives in
 * /var/lib/watchdog-menu/state/ (root's), so a planted file there is ignored; a site's explicit
 * /var/tmp path that another account controls is refused: {@code check} exits 3 (UNKNOWN) naming
 * it, quickly, without restarting, without echoing its content.
 */
class SecurityAttackStateIT {
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static final String STATE = "/var/tmp/own_restart_state.txt";

  private static SecondAccount account;

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

  /**
   * A target that is down until its restart command has run (the restart writes the marker the
   * probe looks for), so {@code check} restarts it once and exits 1 (recovered).
   */
  private String body(String id, String paths) {
    return String.join(
        "\n",
        "id: " + id,
        "service:",
        "  kind: command",
        "  restart: [\"/bin/sh\", \"-c\", \"echo restarted >> " + marker + "\"]",
        "probes:",
        "  - {type: command, command: [\"/bin/test\", \"-e\", \"" + marker + "\"]}",
        paths,
        "policy: {retries: 1, grace: 500ms, lock_timeout: 2s}",
        "");
  }

  private void fiveFreshLines(Path file) throws Exception {
    long now = Instant.now().getEpochSecond();
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      lines.append(now - i).append(" cron\n");
    }
    account.python(
        "import sys\nopen(sys.argv[1], 'w').write(sys.argv[2])\n",
        file.toString(),
        lines.toString());
  }

  @ParameterizedTest(name = "protected_symlinks/regular/fifos={0}")
  @ValueSource(ints = {0, 1})
  void fiveFreshLinesPlantedAfterAResetDoNotStopTheRestartsOfAShippedTarget(int protections)
      throws Exception {
    // paqet-server as shipped (its paths from the catalog), restarted by a command here
    sandbox.target("paqet-server", body("paqet-server", ""));
    Jar.Run reset = Attack.jar(LIMIT, sandbox.root, "reset", "paqet-server");
    assertThat(reset.exit()).as(Attack.printed(reset)).isZero();
    try (Sysctls s = Sysctls.protections(protections)) {
      fiveFreshLines(sandbox.path("/var/tmp/paqet_restart_state_server.txt"));

      Jar.Run r = Attack.jar(LIMIT, sandbox.root, "check", "paqet-server");

      assertThat(Attack.printed(r))
          .as("five lines another account wrote into /var/tmp")
          .doesNotContain("limit reached")
          .doesNotContain("Could not acquire lock");
      assertThat(marker).as("the restart ran: " + Attack.printed(r)).exists();
      assertThat(r.exit()).as(Attack.printed(r)).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "protected_symlinks/regular/fifos={0}")
  @ValueSource(ints = {0, 1})
  void aStateFileOfAnotherAccountAtAnExplicitVarTmpPathIsNotObeyed(int protections)
      throws Exception {
    sandbox.target("own", body("own", "paths: {state: " + STATE + "}"));
    try (Sysctls s = Sysctls.protections(protections)) {
      fiveFreshLines(sandbox.path(STATE));

      Jar.Run r = Attack.jar(LIMIT, sandbox.root, "check", "own");

      assertThat(Attack.printed(r)).doesNotContain("limit reached");
      Attack.noJavaTrace(r);
      if (r.exit() == 3) {
        assertThat(Attack.printed(r)).as("the refusal names the file").contains(STATE);
        assertThat(marker).as("refused: nothing restarted").doesNotExist();
      } else {
        assertThat(r.exit()).as("refused (3) or restarted (1): " + Attack.printed(r)).isEqualTo(1);
        assertThat(marker).exists();
      }
    }
  }

  @ParameterizedTest(name = "protected_symlinks/regular/fifos={0}")
  @ValueSource(ints = {0, 1})
  void aFifoAsTheStateFileDoesNotHangTheCheck(int protections) throws Exception {
    sandbox.target("own", body("own", "paths: {state: " + STATE + "}"));
    try (Sysctls s = Sysctls.protections(protections)) {
      account.must("mkfifo", sandbox.path(STATE).toString());

      Jar.Run r = Attack.jar(Attack.HANG, sandbox.root, "check", "own");

      assertThat(r.exit()).as("UNKNOWN: " + Attack.printed(r)).isEqualTo(3);
      assertThat(Attack.printed(r)).as("the refusal names the file").contains(STATE);
      Attack.noJavaTrace(r);
      assertThat(marker).as("nothing restarted").doesNotExist();
    }
  }

  @ParameterizedTest(name = "protected_symlinks/regular/fifos={0}")
  @ValueSource(ints = {0, 1})
  void aSymlinkToARootOnlyFileDoesNotLeakItIntoTheLogs(int protections) throws Exception {
    sandbox.target("own", body("own", "paths: {state: " + STATE + "}"));
    String secret = "wdm-secret-" + Attack.token();
    Path alerts = rootOnlyAlerts(secret);
    Map<String, String> before = Attack.snapshot(alerts);
    try (Sysctls s = Sysctls.protections(protections)) {
      account.must("ln", "-s", alerts.toString(), sandbox.path(STATE).toString());

      Jar.Run r = Attack.jar(LIMIT, sandbox.root, "check", "own");

      assertThat(Attack.printed(r) + Attack.allText(sandbox.path("/var")))
          .as("output and every file under /var (logs, state)")
          .doesNotContain(secret);
      assertThat(Attack.snapshot(alerts)).isEqualTo(before);
      assertThat(r.exit()).as("UNKNOWN: " + Attack.printed(r)).isEqualTo(3);
      assertThat(Attack.printed(r)).as("the refusal names the file").contains(STATE);
      Attack.noJavaTrace(r);
    }
  }

  @Test
  void aHardLinkToARootOnlyFileDoesNotLeakItIntoTheLogs() throws Exception {
    sandbox.target("own", body("own", "paths: {state: " + STATE + "}"));
    String secret = "wdm-secret-" + Attack.token();
    Path alerts = rootOnlyAlerts(secret);
    Map<String, String> before = Attack.snapshot(alerts);
    // a hard link to a file one cannot read needs protected_hardlinks=0
    try (Sysctls s =
        Sysctls.set(
            Map.of(
                Sysctls.HARDLINKS, "0",
                Sysctls.SYMLINKS, "0",
                Sysctls.REGULAR, "0",
                Sysctls.FIFOS, "0"))) {
      account.must("ln", alerts.toString(), sandbox.path(STATE).toString());

      Jar.Run r = Attack.jar(LIMIT, sandbox.root, "check", "own");

      assertThat(Attack.printed(r) + Attack.allText(sandbox.path("/var")))
          .as("output and every file under /var (logs, state)")
          .doesNotContain(secret);
      assertThat(Attack.snapshot(alerts)).isEqualTo(before);
      assertThat(Attack.printed(r)).as("the odd state file is named").contains(STATE);
      Attack.noJavaTrace(r);
    }
  }

  /** /etc/watchdog-menu/alerts.yaml of the sandbox, 0600 root, with a secret on every line. */
  private Path rootOnlyAlerts(String secret) throws Exception {
    Path alerts = sandbox.path("/etc/watchdog-menu/alerts.yaml");
    Files.writeString(
        alerts,
        String.join("\n", "# ops webhook token: " + secret, "# " + secret, "channels: []", ""));
    Attack.chmod(alerts, "rw-------");
    return alerts;
  }
}
