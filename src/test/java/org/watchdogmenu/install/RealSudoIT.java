package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.ExecCommandRunner;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;

/**
 * End to end with real sudo: a sudoers file installed by the applier into the real /etc/sudoers.d
 * lets a test user run exactly the granted commands through {@code sudo -n}, and nothing else. (The
 * watchdog-menu rules are in the file too; they are not run here because the launcher is not
 * installed on the test machine.)
 */
class RealSudoIT {
  private boolean stateDirBefore;
  private final String user = "wdmit" + Long.toString(System.nanoTime() % 1_000_000L, 36);
  private final Host host = Host.system(HostRoot.SYSTEM);
  private final Installer installer = new Installer(host);
  private final ExecCommandRunner runner = new ExecCommandRunner();

  @BeforeEach
  void setUp() {
    assumeFalse(
        Files.exists(Path.of(InstallPaths.MANIFEST)),
        "watchdog-menu is installed on this machine: not touching its manifest");
    stateDirBefore = Files.exists(Path.of(InstallPaths.STATE_DIR));
    assertThat(run("useradd", "-M", user).succeeded()).isTrue();
  }

  @AfterEach
  void tearDown() {
    if (Files.exists(Path.of(InstallPaths.MANIFEST))) {
      installer.applier().apply(installer.planner().uninstall(), new Applier.Options(false));
    }
    run("userdel", user);
    assertThat(Path.of(stateDirBefore ? InstallPaths.MANIFEST : InstallPaths.STATE_DIR))
        .as("uninstall leaves the machine's state folder as it was")
        .doesNotExist();
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

    installer.applier().apply(plan, new Applier.Options(false));
    Path file = Path.of("/etc/sudoers.d/watchdog-menu-" + user);
    assertThat(file).exists();
    assertThat(run("visudo", "-c").succeeded()).as("visudo -c checks mode and owner too").isTrue();

    CommandResult granted = asUser("/usr/bin/id", "-u");
    assertThat(granted.succeeded()).as(granted.summary()).isTrue();
    assertThat(granted.stdout().strip()).isEqualTo("0");
    assertThat(asUser("/usr/bin/id").exitCode()).as("other arguments are refused").isEqualTo(1);
    assertThat(asUser("/bin/sh", "-c", "true").exitCode()).as("a shell is refused").isEqualTo(1);

    installer.applier().apply(installer.planner().uninstall(), new Applier.Options(false));
    assertThat(file).doesNotExist();
    assertThat(asUser("/usr/bin/id", "-u").exitCode()).isEqualTo(1);
  }

  @Test
  void aGroupGrantLetsItsMembersInAndNoOneElse() {
    String group = user + "g";
    String member = user + "m";
    assertThat(run("groupadd", group).succeeded()).isTrue();
    try {
      assertThat(run("useradd", "-M", "-G", group, member).succeeded()).isTrue();
      SudoersRequest request =
          new SudoersRequest(
              "%" + group, null, List.of(), List.of(SudoersRequest.command("/usr/bin/id -u")));
      Plan plan = installer.planner().sudoers(request);
      assertThat(plan.confirmation()).isNull();
      installer.applier().apply(plan, new Applier.Options(false));
      assertThat(Path.of("/etc/sudoers.d/watchdog-menu-group-" + group)).exists();
      assertThat(run("visudo", "-c").succeeded()).isTrue();

      CommandResult granted = as(member, "/usr/bin/id", "-u");
      assertThat(granted.succeeded()).as(granted.summary()).isTrue();
      assertThat(granted.stdout().strip()).isEqualTo("0");
      assertThat(as(member, "/usr/bin/id").exitCode()).isEqualTo(1);
      assertThat(asUser("/usr/bin/id", "-u").exitCode()).as("not a member").isEqualTo(1);
    } finally {
      run("userdel", member);
      run("groupdel", group);
    }
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
