package org.watchdogmenu.model;

/**
 * Where a target keeps its restart history and logs, as absolute paths on the host (resolved under
 * {@code --root}).
 */
public record TargetPaths(String state, String healthLog, String cronLog) {

  /** The paths a target gets when its file names none. */
  public static TargetPaths defaultsFor(String targetId) {
    return new TargetPaths(
        "/var/tmp/" + targetId + "_restart_state.txt",
        "/var/log/" + targetId + "-health.log",
        "/var/log/" + targetId + "-cron.log");
  }

  /** This, with every missing path taken from {@link #defaultsFor}. */
  public TargetPaths orDefaultsFor(String targetId) {
    TargetPaths d = defaultsFor(targetId);
    return new TargetPaths(
        state == null ? d.state : state,
        healthLog == null ? d.healthLog : healthLog,
        cronLog == null ? d.cronLog : cronLog);
  }

  /** The lock file that serialises every restart decision of the target. */
  public String lock() {
    return state + ".lock";
  }
}
