package org.watchdogmenu.engine;

/**
 * The result of a health check, in the Nagios plugin convention so Nagios, Icinga or Zabbix can run
 * {@code watchdog-menu check} directly.
 */
public enum Outcome {
  /** Healthy (or still inside its grace period). */
  OK(0),
  /** Recovered by a restart: it was down and is healthy again. */
  WARNING(1),
  /**
   * Unhealthy and not recovered: the restart did not help, could not run, or was held back by the
   * guard (limit reached, cooldown, lock busy), so the service stays down until a person looks.
   */
  CRITICAL(2),
  /** Could not tell: bad configuration, a probe tool missing. Never restarts. */
  UNKNOWN(3);

  private final int exitCode;

  Outcome(int exitCode) {
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
