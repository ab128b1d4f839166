package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.ExecCommandRunner;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;

/**
 * End to end with real sudo: a sudoers file installed by the applier into the real /etc/sudoers.d
 * lets a test user run exactly the granted commands through {@code sudo -n}, and nothing else. (The
 * watchdog-menu rules are run through a stand-in launcher that calls the real jar.)
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
  private InstallTools installer;
  private List<String> machineBefore;
  private boolean userAdded;

  @BeforeEach
  void setUp() throws IOException {
    for (Path own : List.of(userFile, groupFile)) {
      assumeFalse(
          Files.exists(own, LinkOption.NOFOLLOW_LINKS),
          own + " exists already: not touching a file this test did not write");
    }
    installer = new InstallTools(Host.system(HostRoot.SYSTEM), new HostRoot(records));
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
    assertThat(plan.confirmation()).isEmpty();
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

  /**
   * The grant is what the operator types: {@code sudo -n watchdog-menu restart T} runs (as a manual
   * restart, through the guard), and so does {@code check T}; the same program with other arguments
   * is refused. A stand-in launcher at /usr/local/bin/watchdog-menu (made only when there is none,
   * removed after) runs the real jar on a sandbox root holding T's file.
   */
  @Test
  void theOperatorRunsExactlyTheDocumentedLinesThroughRealSudo(@TempDir Path sandbox)
      throws Exception {
    Path launcher = Path.of(InstallPaths.BIN);
    assumeFalse(Files.exists(launcher, LinkOption.NOFOLLOW_LINKS), "watchdog-menu is installed");
    String id = user;
    Path site = sandbox.resolve("etc/watchdog-menu/targets/" + id + ".yaml");
    Files.createDirectories(site.getParent());
    Files.writeString(
        site,
        "id: "
            + id
            + "\nservice: {kind: command, restart: [\"/bin/true\"]}\n"
            + "probes: [{type: command, command: [\"/bin/true\"]}]\n");
    String stub =
        "#!/bin/sh\nexec java -Djava.awt.headless=true -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
            + " -jar "
            + Path.of(System.getProperty("watchdog.jar")).toAbsolutePath()
            + " --root "
            + sandbox
            + " \"$@\"\n";
    Files.writeString(launcher, stub, StandardOpenOption.CREATE_NEW);
    try {
      Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
      Target target = Catalog.load(new HostRoot(sandbox)).target(id);
      Plan plan =
          installer.planner().sudoers(new SudoersRequest(user, null, List.of(target), null));
      assertThat(plan.confirmation()).as("no --yes needed").isEmpty();
      installer.applier().apply(plan, new Applier.Options(false));
      assertThat(run("visudo", "-c").succeeded()).isTrue();

      CommandResult restart = asUser("watchdog-menu", "restart", id);
      assertThat(restart.exitCode()).as(restart.summary()).isZero();
      assertThat(Files.readString(sandbox.resolve("var/lib/watchdog-menu/state/" + id + ".txt")))
          .as("a restart without --source is a manual one")
          .matches("\\d+ manual\n");
      CommandResult check = asUser("watchdog-menu", "check", id);
      assertThat(check.exitCode()).as(check.summary()).isZero();
      assertThat(installer.planner().sudoersInvocations(target))
          .containsExactly("sudo watchdog-menu check " + id, "sudo watchdog-menu restart " + id);

      for (List<String> other :
          List.of(
              List.of("restart", id, "--force"),
              List.of("restart", id, "--source", "cron"),
              List.of("check", id, "--root", "/"),
              List.of("reset", id),
              List.of("uninstall"))) {
        List<String> argv = new java.util.ArrayList<>(List.of("watchdog-menu"));
        argv.addAll(other);
        CommandResult refused = asUser(argv.toArray(String[]::new));
        assertThat(refused.exitCode()).as(String.join(" ", other)).isEqualTo(1);
        assertThat(refused.stderr()).as(String.join(" ", other)).contains("sudo:");
      }
    } finally {
      if (Files.readString(launcher).equals(stub)) {
        Files.delete(launcher);
      }
    }
  }

  @Test
  void aGroupGrantLetsItsMembersInAndNoOneElse() {
    assertThat(run("groupadd", group).succeeded()).isTrue();
    assertThat(run("useradd", "-M", "-G", group, member).succeeded()).isTrue();
    SudoersRequest request =
        new SudoersRequest(
            "%" + group, null, List.of(), List.of(SudoersRequest.command("/usr/bin/id -u")));
    Plan plan = installer.planner().sudoers(request);
    assertThat(plan.confirmation()).isEmpty();
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
