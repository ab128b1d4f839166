package org.watchdogmenu.os;

import java.time.Duration;

/**
 * What became of a {@link Command}. {@code stdout} and {@code stderr} are the program's own bytes
 * (at most the last 64 KiB of each), control characters included: escape them with {@link
 * ControlChars} before they reach a log or a screen; {@link #summary()} already is.
 *
 * @param note something the runner has to say about the run for the log, e.g. why the output did
 *     not go to the command's log file; empty when there is nothing to say
 */
public record CommandResult(
    Outcome outcome, int exitCode, String stdout, String stderr, Duration elapsed, String note) {

  /** How the command ended. */
  public enum Outcome {
    /** It ran and exited by itself; see the exit code. */
    EXITED,
    /** It outlived its timeout and its process tree was killed. */
    TIMED_OUT,
    /** It could not be started (no such program, not executable, bad folder). */
    NOT_STARTED
  }

  public CommandResult {
    note = note == null ? "" : note;
  }

  public static CommandResult exited(int exitCode, String stdout, String stderr, Duration elapsed) {
    return new CommandResult(Outcome.EXITED, exitCode, stdout, stderr, elapsed, "");
  }

  public static CommandResult timedOut(String stdout, String stderr, Duration elapsed) {
    return new CommandResult(Outcome.TIMED_OUT, -1, stdout, stderr, elapsed, "");
  }

  public static CommandResult notStarted(String reason) {
    return new CommandResult(Outcome.NOT_STARTED, -1, "", reason, Duration.ZERO, "");
  }

  /** This result with a note for the log. */
  public CommandResult withNote(String text) {
    return new CommandResult(outcome, exitCode, stdout, stderr, elapsed, text);
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

  /**
   * One line that says how it ended, for logs: control characters of the program's output escaped
   * (see {@link ControlChars}).
   */
  public String summary() {
    switch (outcome) {
      case TIMED_OUT:
        return "timed out after " + elapsed.toMillis() + "ms (process tree killed)";
      case NOT_STARTED:
        return "could not start: " + ControlChars.escape(stderr);
      default:
        String err = stderr.strip();
        int nl = err.lastIndexOf('\n');
        String last = (nl >= 0 ? err.substring(nl + 1) : err).strip();
        return "exit " + exitCode + (last.isEmpty() ? "" : ": " + ControlChars.escape(last));
    }
  }
}
