package org.watchdogmenu.probe;

/** What a probe concluded. */
public enum Verdict {
  /** The thing checked is healthy. */
  PASS,
  /** The thing checked is unhealthy: a reason to restart. */
  FAIL,
  /**
   * The probe could not tell: bad configuration, a tool missing, no permission. Never a reason to
   * restart.
   */
  UNKNOWN
}
