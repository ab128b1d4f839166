package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.ExecCommandRunner;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;

/**
 * End to end with real sudo: a sudoers file installed by the applier into the real /etc/sudoers.d
 * lets a test user run exactly the granted commands through {@code sudo -n}, and nothing else. (The
 * watchdog-menu rules are in the file too; they are not run here.)
 *
 * <p>A watchdog-menu installed on the machine is never touched: the installer's records (manifest,
 * backups, lock) live in a temp folder of the test's own, so undo takes back only this test's
 * apply; the teardown removes this test's own files by their exact paths and its accounts. The test
 * skips only when a file of those names exists.
 */
class RealSudoIT {
  private final String user = "wdmit" + Long.toString(System.nanoTime() % 1_000_000L, 36);
  private final String group = user + "g";
  private final String member = user + "m";
  private final Path userFile = Path.of("/etc/sudoers.d/watchdog-menu-" + user);
  private final Path groupFile = Path.of("/etc/sudoers.d/watchdog-menu-group-" + group);
  private final ExecCommandRunner runner = new ExecCommandRunner();
  @TempDir Path records;
  private Installer installer;
  private List<String> machineBefore;
  private boolean userAdded;

  @BeforeEach
  void setUp() throws IOException {
    for (Path own : List.of(userFile, groupFile)) {
      assumeFalse(
          Files.exists(own, LinkOption.NOFOLLOW_LINKS),
          own + " exists already: not touching a file this test did not write");
    }
    installer = new Installer(Host.system(HostRoot.SYSTEM), new HostRoot(records));
    machineBefore = MachineRecords.snapshot();
    assertThat(run("useradd", "-M", user).succeeded()).isTrue();
    userAdded = true;
  }

  @AfterEach
  void tearDown() throws IOException {
    Files.deleteIfExists(userFile);
    Files.deleteIfExists(groupFile);
    if (userAdded) {
      run("userdel", member);
      run("groupdel", group);
      run("userdel", user);
    }
    if (machineBefore != null) {
      assertThat(MachineRecords.snapshot())
          .as("the machine's manifest, backups and logrotate file are as they were")
          .isEqualTo(machineBefore);
    }
  }

  @Test
  void grantedCommandsRunThroughSudoAndAShellIsRefused() {
    SudoersRequest request =
        new SudoersRequest(
            user,
            null,
            List.of(SeedTargets.tunnel("paqet", "server")),
            List.of(SudoersRequest.command("/usr/bin/id -u")));
    Plan plan = installer.planner().sudoers(request);
    assertThat(plan.confirmation()).isNull();
    assertThat(plan.writes()).extracting(FileWrite::path).containsExactly(userFile.toString());

    installer.applier().apply(plan, new Applier.Options(false));
    assertThat(userFile).exists();
    assertThat(run("visudo", "-c").succeeded()).as("visudo -c checks mode and owner too").isTrue();

    CommandResult granted = asUser("/usr/bin/id", "-u");
    assertThat(granted.succeeded()).as(granted.summary()).isTrue();
    assertThat(granted.stdout().strip()).isEqualTo("0");
    assertThat(asUser("/usr/bin/id").exitCode()).as("other arguments are refused").isEqualTo(1);
    assertThat(asUser("/bin/sh", "-c", "true").exitCode()).as("a shell is refused").isEqualTo(1);

    Plan undo = installer.planner().undo();
    assertThat(undo.writes()).isEmpty();
    assertThat(undo.removals()).extracting(FileRemoval::path).containsExactly(userFile.toString());
    installer.applier().apply(undo, new Applier.Options(false));
    assertThat(userFile).doesNotExist();
    assertThat(asUser("/usr/bin/id", "-u").exitCode()).isEqualTo(1);
  }

  @Test
  void aGroupGrantLetsItsMembersInAndNoOneElse() {
    assertThat(run("groupadd", group).succeeded()).isTrue();
    assertThat(run("useradd", "-M", "-G", group, member).succeeded()).isTrue();
    SudoersRequest request =
        new SudoersRequest(
            "%" + group, null, List.of(), List.of(SudoersRequest.command("/usr/bin/id -u")));
    Plan plan = installer.planner().sudoers(request);
    assertThat(plan.confirmation()).isNull();
    assertThat(plan.writes()).extracting(FileWrite::path).containsExactly(groupFile.toString());
    installer.applier().apply(plan, new Applier.Options(false));
    assertThat(groupFile).exists();
    assertThat(run("visudo", "-c").succeeded()).isTrue();

    CommandResult granted = as(member, "/usr/bin/id", "-u");
    assertThat(granted.succeeded()).as(granted.summary()).isTrue();
    assertThat(granted.stdout().strip()).isEqualTo("0");
    assertThat(as(member, "/usr/bin/id").exitCode()).isEqualTo(1);
    assertThat(asUser("/usr/bin/id", "-u").exitCode()).as("not a member").isEqualTo(1);
  }

  @Test
  void theUserAllAndAnAccountThatDoesNotExistAreRefused() {
    assertThatThrownBy(
            () -> installer.planner().sudoers(new SudoersRequest("ALL", null, List.of(), ID_U)))
        .hasMessageContaining("every account");
    assertThatThrownBy(
            () ->
                installer.planner().sudoers(new SudoersRequest(user + "x", null, List.of(), ID_U)))
        .hasMessage(
            "user "
                + user
                + "x is not in /etc/passwd: create the account first (useradd "
                + user
                + "x) or name an existing one");
  }

  private static final List<List<String>> ID_U = List.of(List.of("/usr/bin/id", "-u"));

  private CommandResult asUser(String... argv) {
    return as(user, argv);
  }

  private CommandResult as(String who, String... argv) {
    List<String> all = new java.util.ArrayList<>(List.of("runuser", "-u", who, "--", "sudo", "-n"));
    all.addAll(List.of(argv));
    return runner.run(Command.of(Duration.ofSeconds(20), all));
  }

  private CommandResult run(String... argv) {
    return runner.run(Command.of(Duration.ofSeconds(20), argv));
  }
}
