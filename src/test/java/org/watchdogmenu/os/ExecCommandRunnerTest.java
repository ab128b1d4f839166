package org.watchdogmenu.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.CommandResult.Outcome;

class ExecCommandRunnerTest {
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
  private final ExecCommandRunner runner = new ExecCommandRunner();

  @Test
  void reportsTheExitCode() {
    CommandResult result = runner.run(Command.of(TEN_SECONDS, "sh", "-c", "exit 3"));

    assertThat(result.outcome()).isEqualTo(Outcome.EXITED);
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.succeeded()).isFalse();
    assertThat(result.summary()).isEqualTo("exit 3");
  }

  @Test
  void capturesStdoutAndStderrSeparately() {
    CommandResult result =
        runner.run(Command.of(TEN_SECONDS, "sh", "-c", "echo out; echo err >&2; echo more"));

    assertThat(result.succeeded()).isTrue();
    assertThat(result.stdout()).isEqualTo("out\nmore\n");
    assertThat(result.stderr()).isEqualTo("err\n");
  }

  @Test
  void keepsOnlyTheTailOfHugeOutput() {
    CommandResult result =
        runner.run(
            Command.of(TEN_SECONDS, "sh", "-c", "head -c 200000 /dev/zero | tr '\\0' x; echo END"));

    assertThat(result.succeeded()).isTrue();
    assertThat(result.stdout()).hasSize(64 * 1024).endsWith("xxEND\n");
  }

  @Test
  void givesTheProgramEmptyStdin() {
    CommandResult result = runner.run(Command.of(TEN_SECONDS, "cat"));

    assertThat(result.succeeded()).isTrue();
    assertThat(result.stdout()).isEmpty();
  }

  @Test
  void missingProgramIsNotStartedWithoutAnException() {
    CommandResult result =
        runner.run(Command.of(TEN_SECONDS, "/nonexistent/watchdog-menu-no-such-program", "x"));

    assertThat(result.outcome()).isEqualTo(Outcome.NOT_STARTED);
    assertThat(result.succeeded()).isFalse();
    assertThat(result.stderr())
        .contains("/nonexistent/watchdog-menu-no-such-program")
        .contains("No such file or directory");
    assertThat(result.summary()).startsWith("could not start: ");
  }

  @Test
  void missingWorkingFolderIsNotStarted() {
    CommandResult result =
        runner.run(Command.of(TEN_SECONDS, "pwd").inDirectory("/nonexistent/watchdog-menu-dir"));

    assertThat(result.outcome()).isEqualTo(Outcome.NOT_STARTED);
    assertThat(result.summary())
        .isEqualTo("could not start: working folder /nonexistent/watchdog-menu-dir does not exist");
  }

  @Test
  void appliesTheWorkingFolder(@TempDir Path dir) throws Exception {
    CommandResult result = runner.run(Command.of(TEN_SECONDS, "pwd").inDirectory(dir.toString()));

    assertThat(result.succeeded()).isTrue();
    assertThat(result.stdout().strip()).isEqualTo(dir.toRealPath().toString());
  }

  @Test
  void addsTheEnvironmentToTheInheritedOne() {
    Command command =
        new Command(
            List.of("sh", "-c", "echo \"$WATCHDOG_TEST_VAR:$PATH\""),
            TEN_SECONDS,
            null,
            Map.of("WATCHDOG_TEST_VAR", "hello world"));

    CommandResult result = runner.run(command);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.stdout().strip()).isEqualTo("hello world:" + System.getenv("PATH"));
  }

  @Test
  void passesArgumentsWithoutAShell() {
    CommandResult result =
        runner.run(Command.of(TEN_SECONDS, "printf", "%s|", "a b", "$HOME", "'q'", "*"));

    assertThat(result.stdout()).isEqualTo("a b|$HOME|'q'|*|");
  }
}
