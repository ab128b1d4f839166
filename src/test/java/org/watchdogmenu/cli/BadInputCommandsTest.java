package org.watchdogmenu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input gets one clear line and an exit code, and nothing is written: the command line run in
 * this JVM ({@link WatchdogMenuCommand#run}) on a throwaway {@code --root}. The real jar's exit
 * code and a run without root's rights are in it/BadInputIT.
 */
class BadInputCommandsTest {
  @TempDir Path dir;
  private Path root;

  /** What one run printed and returned. */
  private record Run(int exit, String out, String err) {}

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectories(dir.resolve("root"));
    target("good", "id: good\nservice: {kind: command, restart: [\"/bin/true\"]}\n");
  }

  private Run run(Path root, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> argv = new ArrayList<>(List.of("--root", root.toString()));
    argv.addAll(List.of(args));
    int exit =
        WatchdogMenuCommand.run(
            new PrintWriter(out, true), new PrintWriter(err, true), argv.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  private Run run(String... args) {
    return run(root, args);
  }

  private void target(String id, String yaml) throws IOException {
    Path file = path("/etc/watchdog-menu/targets/" + id + ".yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
  }

  private Path path(String hostPath) {
    return root.resolve(hostPath.substring(1));
  }

  /** Every file and folder under the root with its size, to prove that nothing was written. */
  private String snapshot() throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      StringBuilder sb = new StringBuilder();
      files.sorted().forEach(p -> sb.append(root.relativize(p)).append(' ').append(size(p)));
      return sb.toString();
    }
  }

  private static String size(Path p) {
    try {
      return Files.isDirectory(p) ? "folder\n" : Files.size(p) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertOneLine(Run run, int exit, String... phrases) {
    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(exit);
    String err = run.err().strip();
    assertThat(err).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(err).contains(phrases);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a;b", "../etc", "a b", "a\nb", "UPPER", "a/b"})
  void aTargetNameThatCannotBeOneIsRefused(String name) throws IOException {
    String before = snapshot();
    assertOneLine(run("check", name), 3, "is not a target name");
    assertOneLine(run("restart", name), 2, "is not a target name");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void anUnknownTargetNamesTheListCommand() throws IOException {
    String before = snapshot();
    assertOneLine(run("check", "nope"), 3, "unknown target 'nope'", "watchdog-menu list");
    assertOneLine(run("reset", "nope"), 2, "unknown target 'nope'");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void unreadableTargetFilesSayWhyInOneLineNamingTheFile() throws IOException {
    Files.write(
        path("/etc/watchdog-menu/targets/latin.yaml"),
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
        path("/etc/watchdog-menu/targets/bin.yaml"),
        new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, (byte) 0xff, (byte) 0xfe, 0});
    target("a", "id: a\nextends: b\n");
    target("b", "id: b\nextends: a\n");
    String before = snapshot();
    Path link = path("/etc/watchdog-menu/targets/gone.yaml");
    Files.createSymbolicLink(link, Path.of("/nonexistent/gone.yaml"));

    assertOneLine(
        run("check", "latin"),
        3,
        "/etc/watchdog-menu/targets/latin.yaml line 1: is not UTF-8 text");
    assertOneLine(
        run("check", "bin"), 3, "/etc/watchdog-menu/targets/bin.yaml line 1: is not UTF-8 text");
    Run gone = run("check", "gone");
    assertOneLine(
        gone,
        3,
        "/etc/watchdog-menu/targets/gone.yaml line 1: is a link to /nonexistent/gone.yaml, which"
            + " does not exist");
    assertThat(gone.err()).doesNotContain(root.toString());
    assertOneLine(
        run("check", "a"),
        3,
        "/etc/watchdog-menu/targets/a.yaml line 2: extends cycle: a -> b -> a");
    assertThat(run("list").out())
        .contains("latin.yaml line 1: is not UTF-8 text", "extends cycle: b -> a -> b");
    Files.delete(link);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void malformedYamlNamesTheFileAndLine() throws IOException {
    target("broken", "id: broken\nservice: {kind: command, restart: [\"/bin/true\"]\nprobes: [\n");
    String before = snapshot();
    assertOneLine(run("check", "broken"), 3, "broken.yaml", "line");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aNegativeDurationNamesTheKey() throws IOException {
    target(
        "negative",
        "id: negative\nservice: {kind: command, restart: [\"/bin/true\"]}\npolicy:\n  cooldown: -5s\n");
    String before = snapshot();
    assertOneLine(run("check", "negative"), 3, "negative.yaml", "cooldown");
    assertOneLine(run("restart", "negative"), 2, "negative.yaml", "cooldown");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void anUnknownKeyNamesFileLineAndKey() throws IOException {
    target(
        "typo",
        "id: typo\nservice: {kind: command, restart: [\"/bin/true\"]}\npolicy:\n  coldown: 5s\n");
    String before = snapshot();
    assertOneLine(run("check", "typo"), 3, "typo.yaml", "line 4", "coldown");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void targetFileMistakesAreOneLineNamingFileLineKeyAndWhatToWrite() throws IOException {
    target(
        "numbers",
        "id: numbers\nservice:\n  kind: command\n  restart: [1, 2]\nprobes: [{type: active}]\n");
    target("word", "id: word\nservice: x\nprobes: [{type: active}]\n");
    target("empty", "id: empty\nservice: {kind: command, restart: [\"/bin/true\"]}\nprobes: [~]\n");
    String before = snapshot();
    assertOneLine(
        run("check", "numbers"),
        3,
        "numbers.yaml line 4",
        "'service.restart[0]'",
        "not the number 1",
        "write \"1\"");
    assertOneLine(run("restart", "numbers"), 2, "numbers.yaml line 4", "restart[0]");
    assertOneLine(
        run("check", "word"),
        3,
        "word.yaml line 2",
        "'service' must be keys under it, not 'x'",
        "service: {kind: systemd, unit: web.service}");
    Run empty = run("check", "empty");
    assertOneLine(empty, 3, "empty.yaml line 3", "'probes[0]' is empty", "- type: active");
    assertThat(empty.err()).doesNotContain("NullPointer");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aMissingRootFolderIsAUsageError() throws IOException {
    String before = snapshot();
    Run check = run(dir.resolve("no-such-folder"), "check", "good");
    assertOneLine(check, 3, "no-such-folder", "is not a folder");
    Run status = run(dir.resolve("no-such-folder"), "status");
    assertOneLine(status, 2, "no-such-folder", "is not a folder");
    assertThat(dir.resolve("no-such-folder")).doesNotExist();
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aBadSourceIsAUsageError() throws IOException {
    String before = snapshot();
    Run run = run("restart", "good", "--source", "sometimes");
    assertOneLine(run, 2, "--source", "cron, manual");
    assertThat(snapshot()).isEqualTo(before);
  }
}
