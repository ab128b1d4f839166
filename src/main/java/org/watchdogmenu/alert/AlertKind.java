package org.watchdogmenu.alert;

import java.util.Arrays;
import java.util.Optional;

/** What happened, as sent to alert channels ({@link #key()} is the word receivers see). */
public enum AlertKind {
  /** A restart ran and the service came back. */
  RESTART_DONE("restart-done", false),
  /** A restart ran and failed, or the service stayed unhealthy after every recovery level. */
  RESTART_FAILED("restart-failed", true),
  /** The restart cap is reached: automatic restarts are stopped until the window moves on. */
  LIMIT_REACHED("limit-reached", true),
  /** The target is healthy again after a failure was alerted. */
  RECOVERED("recovered", false),
  /** The check could not tell (bad configuration, a probe tool missing); nothing was restarted. */
  CHECK_UNKNOWN("check-unknown", true),
  /** The continuous monitor started. */
  MONITOR_STARTED("monitor-started", false),
  /** The continuous monitor stopped. */
  MONITOR_STOPPED("monitor-stopped", false),
  /** A test sent by an operator through every channel; never de-duplicated. */
  TEST("test", false);

  private final String key;
  private final boolean failure;

  AlertKind(String key, boolean failure) {
    this.key = key;
    this.failure = failure;
  }

  /** The kind a receiver or a command line names, e.g. {@code restart-failed}. */
  public static Optional<AlertKind> fromKey(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }

  /** The name receivers and the alert state file use, e.g. {@code restart-failed}. */
  public String key() {
    return key;
  }

  /** Whether this kind means the target is down, so a later recovery is worth an alert. */
  boolean failure() {
    return failure;
  }
}
