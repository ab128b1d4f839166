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

/**
 * {@code pause} and {@code resume} on the command line in this JVM, on a throwaway {@code --root}:
 * what they print, what {@code status} and {@code restart} then say, and bad input as one line with
 * exit code 2 and nothing written.
 */
class PauseCommandTest {
  @TempDir Path root;

  /** What one run printed and returned. */
  private record Run(int exit, String out, String err) {}

  @BeforeEach
  void setUp() throws IOException {
    Path file = root.resolve("etc/watchdog-menu/targets/good.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "id: good\nservice: {kind: command, restart: [\"/bin/true\"]}\n"
            + "paths: {health_log: /var/log/good-health.log, cron_log: /var/log/good-cron.log}\n");
  }

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> argv = new ArrayList<>(List.of("--root", root.toString(), "--no-color"));
    argv.addAll(List.of(args));
    int exit =
        WatchdogMenuCommand.run(
            new PrintWriter(out, true), new PrintWriter(err, true), argv.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

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

  @Test
  void pauseHoldsRestartsShowsInStatusAndResumeEndsIt() throws Exception {
    Run pause = run("pause", "good", "--for", "30m", "--reason", "deploy");
    assertThat(pause.exit()).as(pause.out() + pause.err()).isZero();
    assertThat(pause.out())
        .containsPattern("=== Maintenance Pause: good paused until \\S+Z \\(deploy\\)")
        .contains("good is paused until ")
        .contains("(in 30m): 'watchdog-menu resume good' ends it sooner");
    assertThat(Files.readString(root.resolve("var/log/good-health.log")))
        .contains("=== Maintenance Pause: good paused until ");

    Run detail = run("status", "good");
    assertThat(detail.out())
        .containsPattern(
            "  Paused: +until \\S+Z \\(in (29|30)m\\): deploy; restarts and alerts held\n");
    assertThat(run("status").out()).containsPattern("good .* paused (29|30)m");
    assertThat(run("status", "good", "--json").out())
        .contains("\"paused\" : {")
        .contains("\"reason\" : \"deploy\"");

    Run held = run("restart", "good");
    assertThat(held.exit()).isEqualTo(1);
    assertThat(held.out())
        .contains("Restart HELD: paused until ")
        .contains("=== Manual Restart Complete: Restart held (target paused) ===");
    // a forced restart runs a program: PauseThroughJarIT and engine.PauseTest show it

    Run resume = run("resume", "good");
    assertThat(resume.exit()).isZero();
    assertThat(resume.out())
        .contains("=== Maintenance Pause Ended: good resumed early")
        .contains("(deploy)): restarts and alerts are back on ===");
    assertThat(run("status", "good").out()).doesNotContain("Paused:");
    Run again = run("resume", "good");
    assertThat(again.exit()).isZero();
    assertThat(again.out()).isEqualTo("good was not paused: nothing to resume\n");
    assertThat(root.resolve("var/lib/watchdog-menu/paused/good")).doesNotExist();
  }

  @Test
  void badInputIsOneLineWithExitTwoAndNothingIsWritten() throws Exception {
    String before = snapshot();
    assertOneLine(run("pause", "good"), 2, "--for");
    assertOneLine(
        run("pause", "good", "--for", "8d"), 2, "--for 8d is longer than a pause may last (7d)");
    assertOneLine(run("pause", "good", "--for", "0s"), 2, "--for 0s is no pause");
    assertOneLine(run("pause", "good", "--for", "soon"), 2, "'soon' is not a duration");
    assertOneLine(
        run("pause", "good", "--for", "5m", "--reason", "a\nb"), 2, "--reason", "on one line");
    assertOneLine(
        run("pause", "good", "--for", "5m", "--reason", "x".repeat(201)), 2, "keep it to 200");
    assertOneLine(run("pause", "nope", "--for", "5m"), 2, "unknown target 'nope'");
    assertOneLine(run("pause", "a;b", "--for", "5m"), 2, "is not a target name");
    assertOneLine(run("resume", "nope"), 2, "unknown target 'nope'");
    assertThat(snapshot()).isEqualTo(before);
  }
}
