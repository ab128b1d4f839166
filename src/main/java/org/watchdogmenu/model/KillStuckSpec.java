package org.watchdogmenu.model;

import java.time.Duration;
import java.util.stream.Stream;

/**
 * The PM2 health-monitor guide's "force kill a stuck process" as a recovery level: SIGTERM to the
 * process and everything it started, {@code term_wait}, then SIGKILL to what is left, then the
 * service's own restart.
 *
 * @param pidFile the file holding the process's pid
 * @param process the process name (as in {@code /proc/PID/comm} or the program's file name)
 * @param termWait how long SIGTERM is given before SIGKILL (default 10s)
 */
public record KillStuckSpec(String pidFile, String process, Duration termWait) {
  public KillStuckSpec {
    long given = Stream.of(pidFile, process).filter(v -> v != null).count();
    if (given != 1) {
      throw new IllegalArgumentException(
          "'kill_stuck' needs exactly one of pid_file or process (" + given + " set)");
    }
    termWait = termWait == null ? Duration.ofSeconds(10) : termWait;
  }

  /** Words for logs: {@code process of /run/app.pid}, {@code process node}. */
  public String describe() {
    return pidFile != null ? "process of " + pidFile : "process " + process;
  }
}
