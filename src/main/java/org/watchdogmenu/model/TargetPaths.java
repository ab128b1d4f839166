package org.watchdogmenu.model;

/**
 * Where a target keeps its restart history and logs, as absolute paths on the host (resolved under
 * {@code --root}).
 */
public record TargetPaths(String state, String healthLog, String cronLog) {

  /** The paths a target gets when its file names none. */
  public static TargetPaths defaultsFor(String targetId) {
    return new TargetPaths(
        "/var/lib/watchdog-menu/state/" + targetId + ".txt",
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

  /** The folder of every lock: root's alone (0700), so no other account can open or hold one. */
  public static final String LOCK_DIR = "/run/watchdog-menu";

  /**
   * The lock file that serialises every restart decision of the target: one per state file, in
   * {@link #LOCK_DIR}, named after the state file's path ({@code /var/tmp/x.txt} → {@code
   * /run/watchdog-menu/var-tmp-x.txt.lock}), never next to the state file where another account
   * might reach it.
   */
  public String lock() {
    return LOCK_DIR + "/" + state.substring(1).replace('/', '-') + ".lock";
  }
}
