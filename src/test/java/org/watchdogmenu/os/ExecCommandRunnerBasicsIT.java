package org.watchdogmenu.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.CommandResult.Outcome;

class ExecCommandRunnerBasicsIT {
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
  void givesACleanEnvironmentPlusTheCommandsOwn() {
    Command command =
        new Command(List.of("env"), TEN_SECONDS, null, Map.of("WATCHDOG_TEST_VAR", "hello world"));

    CommandResult result = runner.run(command);

    assertThat(result.succeeded()).isTrue();
    assertThat(environment(result.stdout()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "PATH",
                "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "HOME",
                Users.home(System.getProperty("user.name")).orElseThrow().toString(),
                "USER",
                System.getProperty("user.name"),
                "LOGNAME",
                System.getProperty("user.name"),
                "LANG",
                "C.UTF-8",
                "WATCHDOG_TEST_VAR",
                "hello world"));
    // the test JVM's own environment is much larger: none of it went through
    assertThat(System.getenv()).containsKey("PATH").hasSizeGreaterThan(6);
  }

  @Test
  void theCommandsOwnEnvironmentWinsOverTheDefaults() {
    CommandResult result =
        runner.run(
            new Command(List.of("sh", "-c", "echo $LANG"), TEN_SECONDS, null, Map.of("LANG", "C")));

    assertThat(result.stdout()).isEqualTo("C\n");
  }

  @Test
  void runsInASessionOfItsOwnWithoutATerminalKeepingThePid() {
    CommandResult result =
        runner.run(Command.of(TEN_SECONDS, "sh", "-c", "echo $$; cat /proc/$$/stat"));

    String[] lines = result.stdout().split("\n");
    long pid = Long.parseLong(lines[0]);
    String[] fields = lines[1].substring(lines[1].lastIndexOf(')') + 2).split(" ");
    long session = Long.parseLong(fields[3]);
    long tty = Long.parseLong(fields[4]);
    assertThat(session).as("session id = its own pid: setsid ran in place").isEqualTo(pid);
    assertThat(session)
        .isNotEqualTo(ProcessTree.sessionOf(ProcessHandle.current().pid()).orElseThrow());
    assertThat(tty).as("tty_nr: no controlling terminal").isZero();
  }

  @Test
  void stdinIsDevNull() {
    CommandResult result = runner.run(Command.of(TEN_SECONDS, "readlink", "/proc/self/fd/0"));

    assertThat(result.stdout()).isEqualTo("/dev/null\n");
  }

  @Test
  void summaryEscapesControlCharactersOfTheProgramsOutput() {
    CommandResult result =
        runner.run(
            Command.of(
                TEN_SECONDS,
                "sh",
                "-c",
                "printf 'bad \\033]0;owned\\007 \\033[2J\\n' >&2; exit 4"));

    assertThat(result.stderr()).isEqualTo("bad \u001b]0;owned\u0007 \u001b[2J\n");
    assertThat(result.summary()).isEqualTo("exit 4: bad \\x1b]0;owned\\x07 \\x1b[2J");
  }

  @Test
  void programIsLookedUpInTheSafePathOnly() {
    CommandResult result = runner.run(Command.of(TEN_SECONDS, "cargo", "--version"));

    // the test JVM's PATH may have /root/.cargo/bin; the command's does not
    assertThat(result.outcome()).isEqualTo(Outcome.NOT_STARTED);
    assertThat(result.stderr()).contains("cargo").contains("No such file or directory");
  }

  @Test
  void notExecutableIsNotStarted(@TempDir Path dir) throws Exception {
    Path script = Files.writeString(dir.resolve("script.sh"), "#!/bin/sh\necho hi\n");

    CommandResult result = runner.run(Command.of(TEN_SECONDS, script.toString()));

    assertThat(result.outcome()).isEqualTo(Outcome.NOT_STARTED);
    assertThat(result.summary()).contains("Permission denied");
  }

  @Test
  void outputGoesToTheLogFileWhenTheCommandNamesOne(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("health.log");
    Files.writeString(log, "before\n");

    CommandResult result =
        runner.run(
            Command.of(TEN_SECONDS, "sh", "-c", "echo out; echo err >&2; exit 2")
                .appendOutputTo(log));

    assertThat(Files.readString(log)).isEqualTo("before\nout\nerr\n");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderr()).isEqualTo("out\nerr\n");
    assertThat(result.summary()).isEqualTo("exit 2: err");
    assertThat(result.note()).isEmpty();
  }

  @Test
  void aLogFileThatIsALinkIsNotFollowed(@TempDir Path dir) throws Exception {
    Path victim = Files.writeString(dir.resolve("shadow"), "secret\n");
    Path log = Files.createSymbolicLink(dir.resolve("health.log"), victim);

    CommandResult result =
        runner.run(Command.of(TEN_SECONDS, "sh", "-c", "echo planted").appendOutputTo(log));

    assertThat(Files.readString(victim)).isEqualTo("secret\n");
    assertThat(result.succeeded()).isTrue();
    assertThat(result.stdout()).isEqualTo("planted\n");
    assertThat(result.note()).contains("not appended to " + log);
  }

  private static Map<String, String> environment(String envOutput) {
    Map<String, String> env = new java.util.HashMap<>();
    for (String line : envOutput.split("\n")) {
      int eq = line.indexOf('=');
      env.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return env;
  }

  @Test
  void passesArgumentsWithoutAShell() {
    CommandResult result =
        runner.run(Command.of(TEN_SECONDS, "printf", "%s|", "a b", "$HOME", "'q'", "*"));

    assertThat(result.stdout()).isEqualTo("a b|$HOME|'q'|*|");
  }
}
