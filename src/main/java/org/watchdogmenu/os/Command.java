package org.watchdogmenu.os;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One external program to run: an argv (never a shell line), a timeout after which its whole
 * process tree is killed, and optionally a working folder and extra environment.
 */
public record Command(
    List<String> argv, Duration timeout, String workdir, Map<String, String> env) {

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

  public static Command of(Duration timeout, String... argv) {
    return new Command(List.of(argv), timeout, null, null);
  }

  public static Command of(Duration timeout, List<String> argv) {
    return new Command(argv, timeout, null, null);
  }

  public Command inDirectory(String dir) {
    return new Command(argv, timeout, dir, env);
  }

  /**
   * This command run as {@code user} through {@code runuser}; unchanged when user is null or is the
   * one running the tool.
   */
  public Command asUser(String user, String currentUser) {
    if (user == null || user.isEmpty() || user.equals(currentUser)) {
      return this;
    }
    List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", user, "--"));
    wrapped.addAll(argv);
    return new Command(wrapped, timeout, workdir, env);
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
