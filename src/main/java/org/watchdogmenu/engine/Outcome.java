package org.watchdogmenu.engine;

/**
 * The result of a health check, in the Nagios plugin convention so Nagios, Icinga or Zabbix can run
 * {@code watchdog-menu check} directly.
 */
public enum Outcome {
  /** Healthy (or still inside its grace period). */
  OK(0),
  /** Recovered by a restart, or a needed restart was held back by protection. */
  WARNING(1),
  /** Unhealthy and not recovered. */
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
