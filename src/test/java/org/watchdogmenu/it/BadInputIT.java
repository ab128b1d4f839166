package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets one clear line and an exit code, and nothing is written. */
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

  @ParameterizedTest
  @ValueSource(strings = {"a;b", "../etc", "a b", "a\nb", "UPPER", "a/b"})
  void aTargetNameThatCannotBeOneIsRefused(String name) throws Exception {
    String before = sandbox.snapshot();
    assertOneLineAndNothingWritten(Jar.run(sandbox.root, "check", name), 3, "is not a target name");
    assertOneLineAndNothingWritten(
        Jar.run(sandbox.root, "restart", name), 2, "is not a target name");
    assertThat(sandbox.snapshot()).isEqualTo(before);
  }

  @Test
  void anUnknownTargetNamesTheListCommand() throws Exception {
    String before = sandbox.snapshot();
    assertOneLineAndNothingWritten(
        Jar.run(sandbox.root, "check", "nope"), 3, "unknown target 'nope'", "watchdog-menu list");
    assertOneLineAndNothingWritten(
        Jar.run(sandbox.root, "reset", "nope"), 2, "unknown target 'nope'");
    assertThat(sandbox.snapshot()).isEqualTo(before);
  }

  @Test
  void unreadableTargetFilesSayWhyInOneLineNamingTheFile() throws Exception {
    Files.write(
        sandbox.path("/etc/watchdog-menu/targets/latin.yaml"),
        new byte[] {
          'i',
          'd',
          ':',
          ' ',
          'l',
          'a',
          't',
          'i',
          'n',
          '\n',
          't',
          'i',
          't',
          'l',
          'e',
          ':',
          ' ',
          (byte) 0xe9,
          '\n'
        });
    Files.write(
        sandbox.path("/etc/watchdog-menu/targets/bin.yaml"),
        new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, (byte) 0xff, (byte) 0xfe, 0});
    sandbox.target("a", "id: a\nextends: b\n");
    sandbox.target("b", "id: b\nextends: a\n");
    String before = sandbox.snapshot();
    Path link = sandbox.path("/etc/watchdog-menu/targets/gone.yaml");
    Files.createSymbolicLink(link, Path.of("/nonexistent/gone.yaml"));

    assertOneLineAndNothingWritten(
        Jar.run(sandbox.root, "check", "latin"),
        3,
        "/etc/watchdog-menu/targets/latin.yaml line 1: is not UTF-8 text");
    assertOneLineAndNothingWritten(
        Jar.run(sandbox.root, "check", "bin"),
        3,
        "/etc/watchdog-menu/targets/bin.yaml line 1: is not UTF-8 text");
    Jar.Run gone = Jar.run(sandbox.root, "check", "gone");
    assertOneLineAndNothingWritten(
        gone,
        3,
        "/etc/watchdog-menu/targets/gone.yaml line 1: is a link to /nonexistent/gone.yaml, which"
            + " does not exist");
    assertThat(gone.err()).doesNotContain(sandbox.root.toString());
    assertOneLineAndNothingWritten(
        Jar.run(sandbox.root, "check", "a"),
        3,
        "/etc/watchdog-menu/targets/a.yaml line 2: extends cycle: a -> b -> a");
    assertThat(Jar.run(sandbox.root, "list").out())
        .contains("latin.yaml line 1: is not UTF-8 text", "extends cycle: b -> a -> b");
    Files.delete(link);
    assertThat(sandbox.snapshot()).isEqualTo(before);
  }

  @Test
  void malformedYamlNamesTheFileAndLine() throws Exception {
    sandbox.target(
        "broken", "id: broken\nservice: {kind: command, restart: [\"/bin/true\"]\nprobes: [\n");
    String before = sandbox.snapshot();
    assertOneLineAndNothingWritten(
        Jar.run(sandbox.root, "check", "broken"), 3, "broken.yaml", "line");
    assertThat(sandbox.snapshot()).isEqualTo(before);
  }

  @Test
  void aNegativeDurationNamesTheKey() throws Exception {
    sandbox.target(
        "negative",
        "id: negative\nservice: {kind: command, restart: [\"/bin/true\"]}\npolicy:\n  cooldown: -5s\n");
    String before = sandbox.snapshot();
    assertOneLineAndNothingWritten(
        Jar.run(sandbox.root, "check", "negative"), 3, "negative.yaml", "cooldown");
    assertOneLineAndNothingWritten(
        Jar.run(sandbox.root, "restart", "negative"), 2, "negative.yaml", "cooldown");
    assertThat(sandbox.snapshot()).isEqualTo(before);
  }

  @Test
  void anUnknownKeyNamesFileLineAndKey() throws Exception {
    sandbox.target(
        "typo",
        "id: typo\nservice: {kind: command, restart: [\"/bin/true\"]}\npolicy:\n  coldown: 5s\n");
    assertOneLineAndNothingWritten(
        Jar.run(sandbox.root, "check", "typo"), 3, "typo.yaml", "line 4", "coldown");
  }

  @Test
  void targetFileMistakesAreOneLineNamingFileLineKeyAndWhatToWrite() throws Exception {
    sandbox.target(
        "numbers",
        "id: numbers\nservice:\n  kind: command\n  restart: [1, 2]\nprobes: [{type: active}]\n");
    sandbox.target("word", "id: word\nservice: x\nprobes: [{type: active}]\n");
    sandbox.target(
        "empty", "id: empty\nservice: {kind: command, restart: [\"/bin/true\"]}\nprobes: [~]\n");
    String before = sandbox.snapshot();
    assertOneLineAndNothingWritten(
        Jar.run(sandbox.root, "check", "numbers"),
        3,
        "numbers.yaml line 4",
        "'service.restart[0]'",
        "not the number 1",
        "write \"1\"");
    assertOneLineAndNothingWritten(
        Jar.run(sandbox.root, "restart", "numbers"), 2, "numbers.yaml line 4", "restart[0]");
    assertOneLineAndNothingWritten(
        Jar.run(sandbox.root, "check", "word"),
        3,
        "word.yaml line 2",
        "'service' must be keys under it, not 'x'",
        "service: {kind: systemd, unit: web.service}");
    Jar.Run empty = Jar.run(sandbox.root, "check", "empty");
    assertOneLineAndNothingWritten(
        empty, 3, "empty.yaml line 3", "'probes[0]' is empty", "- type: active");
    assertThat(empty.err()).doesNotContain("NullPointer");
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

  @Test
  void aMissingRootFolderIsAUsageError() throws Exception {
    Jar.Run run = Jar.run(dir.resolve("no-such-folder"), "check", "good");
    assertThat(run.exit()).isEqualTo(3);
    assertThat(run.err().strip())
        .doesNotContain("\n")
        .contains("no-such-folder", "is not a folder");
    Jar.Run status = Jar.run(dir.resolve("no-such-folder"), "status");
    assertThat(status.exit()).isEqualTo(2);
  }

  @Test
  void aBadSourceIsAUsageError() throws Exception {
    Jar.Run run = Jar.run(sandbox.root, "restart", "good", "--source", "sometimes");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--source").contains("cron, manual");
  }
}
