package org.watchdogmenu.os;

import java.time.Duration;

/** What became of a {@link Command}. */
public record CommandResult(
    Outcome outcome, int exitCode, String stdout, String stderr, Duration elapsed) {

  /** How the command ended. */
  public enum Outcome {
    /** It ran and exited by itself; see the exit code. */
    EXITED,
    /** It outlived its timeout and its process tree was killed. */
    TIMED_OUT,
    /** It could not be started (no such program, not executable, bad folder). */
    NOT_STARTED
  }

  public static CommandResult exited(int exitCode, String stdout, String stderr, Duration elapsed) {
    return new CommandResult(Outcome.EXITED, exitCode, stdout, stderr, elapsed);
  }

  public static CommandResult timedOut(String stdout, String stderr, Duration elapsed) {
    return new CommandResult(Outcome.TIMED_OUT, -1, stdout, stderr, elapsed);
  }

  public static CommandResult notStarted(String reason) {
    return new CommandResult(Outcome.NOT_STARTED, -1, "", reason, Duration.ZERO);
  }

  /** Exited with status 0. */
  public boolean succeeded() {
    return outcome == Outcome.EXITED && exitCode == 0;
  }

  /**
   * It could not be started because the program was not found (on PATH, or at its path): the failed
   * start's {@code error=2} (ENOENT). {@link Programs#describe} turns it into one line that names
   * the package to install.
   */
  public boolean programMissing() {
    return outcome == Outcome.NOT_STARTED && stderr.contains(": error=2,");
  }

  /** One line that says how it ended, for logs. */
  public String summary() {
    switch (outcome) {
      case TIMED_OUT:
        return "timed out after " + elapsed.toMillis() + "ms (process tree killed)";
      case NOT_STARTED:
        return "could not start: " + stderr;
      default:
        String err = stderr.strip();
        int nl = err.lastIndexOf('\n');
        String last = nl >= 0 ? err.substring(nl + 1) : err;
        return "exit " + exitCode + (last.isEmpty() ? "" : ": " + last);
    }
  }
}
