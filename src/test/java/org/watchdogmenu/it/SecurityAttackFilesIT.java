package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Security issue, item 1: atomic writes with a predictable temp name ({@code .NAME.tmp-PID}) that
 * were opened without O_EXCL/O_NOFOLLOW and then chmodded and chowned by path. The second account
 * sprays links for a window of pids where root will write: in its own home ({@code units
 * --user-service}) and in /var/tmp (a state file the site put there). Expected: root's files keep
 * owner, mode and content; files in a home are the user's own work; restarts still happen.
 */
class SecurityAttackFilesIT {
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static SecondAccount account;

  @TempDir Path dir;
  private Sandbox sandbox;
  private Attack.Sentinels sentinels;
  private Path secret;

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
    sentinels = new Attack.Sentinels();
    secret =
        sentinels.file("root-secret.conf", "root-only secret " + Attack.token() + "\nline 2\n");
  }

  @AfterEach
  void tearDown() throws Exception {
    sentinels.close();
  }

  /**
   * A command target run as the account, whose restart ends in 'restart' (a user unit can be
   * derived).
   */
  private void userAppTarget(String id) throws Exception {
    account.addTo(sandbox);
    sandbox.target(
        id,
        String.join(
            "\n",
            "id: " + id,
            "title: App of the second account",
            "service:",
            "  kind: command",
            "  user: " + account.name,
            "  workdir: /tmp",
            "  restart: [\"/bin/echo\", \"restart\"]",
            ""));
  }

  @ParameterizedTest(name = "protected_symlinks/regular/fifos={0}")
  @ValueSource(ints = {0, 1})
  void aLinkSprayInTheUsersHomeDoesNotHandRootsFileToTheUser(int protections) throws Exception {
    userAppTarget("userapp");
    String home = "/home/" + account.name;
    Attack.accountFolder(sandbox, account, home);
    Path unitDir = sandbox.path(home + "/.config/systemd/user");
    account.must("mkdir", "-p", unitDir.toString());
    Map<String, String> etcBefore = Attack.snapshot(sandbox.path("/etc"));
    Map<String, String> before = sentinels.snapshot();
    try (Sysctls s = Sysctls.protections(protections)) {
      Attack.spray(account, unitDir, "userapp.service", secret, Attack.nextPid(), 2000);
      Attack.Started run =
          Attack.start(sandbox.root, Map.of(), "units", "--user-service", "userapp");
      // and the exact pid, as an attacker watching /proc would
      Attack.spray(account, unitDir, "userapp.service", secret, run.pid(), 1);
      Jar.Run r = run.await(LIMIT);

      assertThat(sentinels.snapshot())
          .as(
              "root's 0600 file outside the sandbox (owner, mode, content) after "
                  + Sysctls.describe()
                  + "; the run printed: "
                  + Attack.printed(r))
          .isEqualTo(before);
      assertThat(r.exit()).as(Attack.printed(r)).isZero();
      Path unit = unitDir.resolve("userapp.service");
      PosixFileAttributes a =
          Files.readAttributes(unit, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      assertThat(a.isRegularFile())
          .as("the unit is a file of its own, not a planted link")
          .isTrue();
      assertThat(a.owner().getName()).as("a file in a home is the user's").isEqualTo(account.name);
      assertThat(Files.readString(unit)).contains("ExecStart=/bin/echo start");
      assertThat(Attack.snapshot(sandbox.path("/etc"))).isEqualTo(etcBefore);
    }
  }

  @Test
  void aUnitFolderLinkedToARootFolderGetsNothingWrittenThere() throws Exception {
    userAppTarget("userapp");
    String home = "/home/" + account.name;
    Attack.accountFolder(sandbox, account, home);
    Path rootFolder = sentinels.folder("systemd-system");
    Files.writeString(rootFolder.resolve("sshd.service"), "[Service]\nExecStart=/bin/true\n");
    Path config = sandbox.path(home + "/.config/systemd");
    account.must("mkdir", "-p", config.toString());
    account.must("ln", "-s", rootFolder.toString(), config.resolve("user").toString());
    Map<String, String> before = sentinels.snapshot();
    Map<String, String> etcBefore = Attack.snapshot(sandbox.path("/etc"));

    Jar.Run r = Attack.jar(LIMIT, sandbox.root, "units", "--user-service", "userapp");

    assertThat(sentinels.snapshot())
        .as(
            "the root folder the user's ~/.config/systemd/user points at; the run printed: "
                + Attack.printed(r))
        .isEqualTo(before);
    assertThat(Attack.snapshot(sandbox.path("/etc"))).isEqualTo(etcBefore);
    Attack.noJavaTrace(r);
    if (r.exit() != 0) {
      assertThat(Attack.printed(r))
          .as("a refusal names the path")
          .contains(home + "/.config/systemd/user");
    }
  }

  @ParameterizedTest(name = "protected_symlinks/regular/fifos={0}")
  @ValueSource(ints = {0, 1})
  void aLinkSprayInVarTmpNeitherChangesRootsFilesNorBlocksTheRestart(int protections)
      throws Exception {
    Path marker = dir.resolve("restarted.txt");
    sandbox.target(
        "spray",
        String.join(
            "\n",
            "id: spray",
            "service:",
            "  kind: command",
            "  restart: [\"/bin/sh\", \"-c\", \"echo restarted >> " + marker + "\"]",
            "paths:",
            "  state: /var/tmp/spray_restart_state.txt",
            "policy: {lock_timeout: 2s}",
            ""));
    Map<String, String> before = sentinels.snapshot();
    Map<String, String> etcBefore = Attack.snapshot(sandbox.path("/etc"));
    try (Sysctls s = Sysctls.protections(protections)) {
      Path varTmp = sandbox.path("/var/tmp");
      Attack.spray(account, varTmp, "spray_restart_state.txt", secret, Attack.nextPid(), 2000);
      Attack.Started run =
          Attack.start(sandbox.root, Map.of(), "restart", "spray", "--source", "manual");
      Attack.spray(account, varTmp, "spray_restart_state.txt", secret, run.pid(), 1);
      Jar.Run r = run.await(LIMIT);

      assertThat(sentinels.snapshot())
          .as(
              "root's 0600 file outside the sandbox after "
                  + Sysctls.describe()
                  + "; the run printed: "
                  + Attack.printed(r))
          .isEqualTo(before);
      assertThat(Attack.printed(r))
          .as("the second account's links do not stop the restart")
          .doesNotContain("Could not acquire lock")
          .doesNotContain("limit reached")
          .doesNotContain("Restart NOT done");
      assertThat(r.exit()).as(Attack.printed(r)).isZero();
      assertThat(marker).as("the restart command ran").exists();
      Path state = varTmp.resolve("spray_restart_state.txt");
      PosixFileAttributes a =
          Files.readAttributes(state, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      assertThat(a.isRegularFile())
          .as("the state file is root's own file, not a planted link: %s", Attack.describe(state))
          .isTrue();
      assertThat(a.owner().getName()).isEqualTo("root");
      assertThat(Files.readString(state)).matches("\\d+ manual\n");
      assertThat(Attack.snapshot(sandbox.path("/etc"))).isEqualTo(etcBefore);
    }
  }
}
