package org.watchdogmenu.engine;

/** What a health check may do once it has found the target unhealthy, and what it may write. */
public enum CheckMode {
  /** Check, and restart through the guard when unhealthy (cron's and the monitor's checks). */
  CHECK_AND_RESTART,
  /**
   * Check only ({@code --no-restart}): never restart; the log, the last result, alerts and metrics
   * are written as for any check.
   */
  CHECK_ONLY,
  /**
   * Check, and say what the guard would decide about a restart ({@code --dry-run}); write nothing.
   */
  DRY_RUN,
  /** Check only and write nothing ({@code --no-restart --dry-run}). */
  DRY_RUN_CHECK_ONLY;

  /** The mode of {@code check}'s two options. */
  public static CheckMode ofOptions(boolean noRestart, boolean dryRun) {
    if (dryRun) {
      return noRestart ? DRY_RUN_CHECK_ONLY : DRY_RUN;
    }
    return noRestart ? CHECK_ONLY : CHECK_AND_RESTART;
  }

  /** An unhealthy target goes to the guard (for real or as a preview). */
  boolean restarts() {
    return switch (this) {
      case CHECK_AND_RESTART, DRY_RUN -> true;
      case CHECK_ONLY, DRY_RUN_CHECK_ONLY -> false;
    };
  }

  /** Nothing is written: no log file, no last result, no alert, no metric. */
  boolean dryRun() {
    return switch (this) {
      case CHECK_AND_RESTART, CHECK_ONLY -> false;
      case DRY_RUN, DRY_RUN_CHECK_ONLY -> true;
    };
  }
}
