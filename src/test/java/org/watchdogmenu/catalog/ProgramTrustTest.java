package org.watchdogmenu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.HostRoot;

/** A program root runs for a target that another account can change is named in one line. */
class ProgramTrustTest {
  private static final int NOBODY = 65534;

  @TempDir Path root;

  @BeforeEach
  void setUp() throws IOException {
    Path bob = Files.createDirectories(root.resolve("home/bob"));
    program("home/bob/restart.sh", "rwxr-xr-x");
    Files.setAttribute(bob, "unix:uid", NOBODY);
    Files.createDirectories(root.resolve("opt/app"));
    Files.setAttribute(program("opt/app/theirs.sh", "rwxr-xr-x"), "unix:uid", NOBODY);
    program("opt/app/open.sh", "rwxrwxrwx");
    program("opt/app/group.sh", "rwxrwxr-x");
    program("opt/app/fine.sh", "rwxr-xr-x");
    Files.createSymbolicLink(root.resolve("opt/app/link.sh"), Path.of("/home/bob/restart.sh"));
    Path shared = Files.createDirectories(root.resolve("srv/shared"));
    program("srv/shared/x.sh", "rwxr-xr-x");
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path tmp = Files.createDirectories(root.resolve("tmp"));
    program("tmp/roots.sh", "rwxr-xr-x");
    Files.setAttribute(tmp, "unix:mode", 01777);
    Files.createDirectories(root.resolve("usr/local/bin"));
    Files.createDirectories(root.resolve("usr/bin"));
    program("usr/local/bin/fixit", "rwxrwxrwx");
    program("usr/bin/fine", "rwxr-xr-x");
  }

  private Path program(String relative, String mode) throws IOException {
    Path p = Files.writeString(root.resolve(relative), "#!/bin/sh\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    return p;
  }

  private List<String> warnings(String service) {
    return warnings(service, "");
  }

  private List<String> warnings(String service, String more) {
    Sites.write(root, "demo.yaml", "id: demo\nservice:\n" + service + more);
    return ProgramTrust.warnings(Sites.load(root).target("demo"), new HostRoot(root));
  }

  private List<String> restart(String program) {
    return warnings("  kind: command\n  restart: [\"" + program + "\", \"now\"]\n");
  }

  @Test
  void aProgramInAnotherAccountsFolderIsNamedWithThatAccount() {
    assertThat(restart("/home/bob/restart.sh"))
        .containsExactly(
            "the restart command /home/bob/restart.sh can be changed by nobody (owner of"
                + " /home/bob), and root runs it");
  }

  @Test
  void aProgramOfAnotherAccountOrWritableByOthersIsNamed() {
    assertThat(restart("/opt/app/theirs.sh"))
        .containsExactly(
            "the restart command /opt/app/theirs.sh can be changed by nobody (its owner), and root"
                + " runs it");
    assertThat(restart("/opt/app/open.sh"))
        .containsExactly(
            "the restart command /opt/app/open.sh can be changed by everyone (mode 0777), and root"
                + " runs it");
    assertThat(restart("/opt/app/group.sh"))
        .singleElement()
        .asString()
        .contains("can be changed by its group (mode 0775)");
    assertThat(restart("/srv/shared/x.sh"))
        .singleElement()
        .asString()
        .contains("can be changed by everyone (/srv/shared is writable by everyone)");
  }

  @Test
  void rootsOwnProgramsAreFine() {
    assertThat(restart("/opt/app/fine.sh")).isEmpty();
    assertThat(restart("fine")).isEmpty();
    assertThat(restart("/tmp/roots.sh")).as("root's own file in a sticky folder").isEmpty();
    assertThat(restart("/opt/app/missing.sh")).as("not found: the check says so").isEmpty();
  }

  @Test
  void aMissingProgramInASharedFolderCanBePlantedByAnyone() {
    assertThat(restart("/tmp/nothing.sh"))
        .singleElement()
        .asString()
        .contains("can be changed by anyone (it does not exist, and /tmp is a shared folder");
  }

  @Test
  void aLinkIsFollowedToWhatItLeadsTo() {
    assertThat(restart("/opt/app/link.sh"))
        .containsExactly(
            "the restart command /opt/app/link.sh can be changed by nobody (owner of /home/bob),"
                + " and root runs it");
  }

  @Test
  void aBareNameIsLookedUpInTheFixedPathUnderTheRoot() {
    assertThat(restart("fixit"))
        .containsExactly(
            "the restart command /usr/local/bin/fixit can be changed by everyone (mode 0777), and"
                + " root runs it");
  }

  @Test
  void statusRecoveryAndProbeCommandsAreCheckedToo() {
    assertThat(
            warnings(
                "  kind: command\n"
                    + "  restart: [/opt/app/fine.sh]\n"
                    + "  status: [/opt/app/open.sh]\n"
                    + "  recovery:\n"
                    + "    - [/opt/app/theirs.sh]\n",
                "probes:\n  - type: command\n    command: [fixit, --quick]\n"))
        .containsExactly(
            "the status command /opt/app/open.sh can be changed by everyone (mode 0777), and root"
                + " runs it",
            "the recovery command 1 /opt/app/theirs.sh can be changed by nobody (its owner), and"
                + " root runs it",
            "the probe command /usr/local/bin/fixit can be changed by everyone (mode 0777), and"
                + " root runs it");
  }

  @Test
  void aServiceRunAsItsUserIsLeftOutButItsProbesAreNot() {
    assertThat(
            warnings(
                "  kind: command\n"
                    + "  user: www\n"
                    + "  restart: [/home/bob/restart.sh]\n"
                    + "  recovery:\n"
                    + "    - [/opt/app/theirs.sh]\n",
                "probes:\n  - type: command\n    command: [/opt/app/open.sh]\n"))
        .containsExactly(
            "the probe command /opt/app/open.sh can be changed by everyone (mode 0777), and root"
                + " runs it");
  }

  @Test
  void recoveryOfASystemdServiceRunsAsRootWhateverItsUser() {
    assertThat(
            warnings(
                "  kind: systemd-user\n"
                    + "  unit: web.service\n"
                    + "  user: www\n"
                    + "  recovery:\n"
                    + "    - [/opt/app/theirs.sh]\n"))
        .singleElement()
        .asString()
        .startsWith("the recovery command 1 /opt/app/theirs.sh");
  }

  @Test
  void aRelativeProgramIsReadFromTheWorkdir() {
    assertThat(warnings("  kind: command\n  workdir: /home/bob\n  restart: [./restart.sh]\n"))
        .singleElement()
        .asString()
        .startsWith("the restart command /home/bob/restart.sh can be changed by nobody");
  }

  @Test
  void theShippedTargetsWarnOfNothingInAnEmptyRoot() {
    Catalog catalog = Sites.load(root);
    assertThat(catalog.targets())
        .allSatisfy(t -> assertThat(ProgramTrust.warnings(t, new HostRoot(root))).isEmpty());
  }
}
