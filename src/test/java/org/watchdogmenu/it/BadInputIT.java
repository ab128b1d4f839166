package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the real jar: the one line and the exit code reach the shell, and an account
 * without root's rights is told to use sudo. Each kind of bad input is checked in this JVM by
 * cli.BadInputCommandsTest.
 */
class BadInputIT {
  @TempDir Path dir;
  private Sandbox sandbox;

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
    sandbox.target("good", "id: good\nservice: {kind: command, restart: [\"/bin/true\"]}\n");
  }

  private void assertOneLineAndNothingWritten(Jar.Run run, int exit, String... phrases)
      throws Exception {
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(exit);
    String err = run.err().strip();
    assertThat(err).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(err).contains(phrases);
  }

  @Test
  void theJarPrintsOneLineAndExitsWithTheCommandsCode() throws Exception {
    String before = sandbox.snapshot();
    assertOneLineAndNothingWritten(
        Jar.run(sandbox.root, "check", "nope"), 3, "unknown target 'nope'", "watchdog-menu list");
    assertOneLineAndNothingWritten(
        Jar.run(sandbox.root, "restart", "a;b"), 2, "is not a target name");
    assertThat(sandbox.snapshot()).isEqualTo(before);
  }

  @Test
  void notRootIsToldToUseSudoInOneLine() throws Exception {
    // an account that cannot write the sandbox, as a person who forgot sudo
    for (Path p = sandbox.root; !p.equals(dir.getParent()); p = p.getParent()) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.setPosixFilePermissions(
        sandbox.path("/etc/watchdog-menu/targets/good.yaml"),
        PosixFilePermissions.fromString("rw-r--r--"));
    String before = sandbox.snapshot();

    Jar.Run reset = Jar.runAs("nobody", sandbox.root, "reset", "good");
    assertOneLineAndNothingWritten(reset, 1, "permission denied: run with sudo");
    assertThat(reset.err()).startsWith("watchdog-menu: permission denied: run with sudo");

    Jar.Run enable = Jar.runAs("nobody", sandbox.root, "enable", "good", "--health", "5m");
    assertOneLineAndNothingWritten(enable, 1, "permission denied: run with sudo");
    assertThat(enable.err()).doesNotContain("install.lock:");
    assertThat(enable.out()).as("no plan is shown that cannot be applied").isEmpty();

    Jar.Run dry =
        Jar.runAs("nobody", sandbox.root, "enable", "good", "--health", "5m", "--dry-run");
    assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
    assertThat(dry.out()).contains("+++ /etc/cron.d/custom-health-good (new)");
    assertThat(sandbox.snapshot()).isEqualTo(before);
  }
}
