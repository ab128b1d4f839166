package org.watchdogmenu.os;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One external program to run: an argv (never a shell line), a timeout after which its whole
 * process tree is killed, and optionally a working folder, extra environment, the account it runs
 * as and a log file its output is appended to.
 *
 * <p>The runner gives every command a small clean environment of its own (see {@link
 * ExecCommandRunner}); {@code env} is added to it. Nothing of the tool's own environment is passed
 * on unless it is named here.
 *
 * @param user the account the command runs as (set by {@link #asUser}), or null for the tool's own
 * @param outputLog a log file to append stdout and stderr to ({@link #appendOutputTo}), or null to
 *     capture them (capped) in the result
 */
public record Command(
    List<String> argv,
    Duration timeout,
    String workdir,
    Map<String, String> env,
    String user,
    Path outputLog) {

  public Command {
    if (argv == null || argv.isEmpty()) {
      throw new IllegalArgumentException("a command needs at least a program name");
    }
    argv = List.copyOf(argv);
    env = env == null ? Map.of() : Map.copyOf(env);
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a command needs a positive timeout");
    }
  }

  public Command(List<String> argv, Duration timeout, String workdir, Map<String, String> env) {
    this(argv, timeout, workdir, env, null, null);
  }

  public static Command of(Duration timeout, String... argv) {
    return new Command(List.of(argv), timeout, null, null);
  }

  public static Command of(Duration timeout, List<String> argv) {
    return new Command(argv, timeout, null, null);
  }

  public Command inDirectory(String dir) {
    return new Command(argv, timeout, dir, env, user, outputLog);
  }

  /**
   * This command run as {@code user} through {@code runuser}; unchanged when user is null or is the
   * one running the tool. Its environment gets that user's {@code HOME}, {@code USER} and {@code
   * LOGNAME}.
   */
  public Command asUser(String user, String currentUser) {
    if (user == null || user.isEmpty() || user.equals(currentUser)) {
      return this;
    }
    List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", user, "--"));
    wrapped.addAll(argv);
    return new Command(wrapped, timeout, workdir, env, user, outputLog);
  }

  /**
   * This command with its stdout and stderr appended to {@code log} (as {@code >> log 2>&1}), so a
   * daemon it starts keeps writing where the operator looks and logrotate rotates; null for none.
   * The runner opens the file without following links and falls back to capturing the output when
   * the file cannot be trusted.
   */
  public Command appendOutputTo(Path log) {
    return new Command(argv, timeout, workdir, env, user, log);
  }

  public String program() {
    return argv.get(0);
  }

  /** The argv as a person would type it, for logs and previews. */
  public String display() {
    StringBuilder sb = new StringBuilder();
    for (String arg : argv) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(
          arg.matches("[A-Za-z0-9_@%+=:,./-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
    }
    return sb.toString();
  }
}
