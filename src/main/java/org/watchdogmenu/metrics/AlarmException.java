package org.watchdogmenu.metrics;

/** Input the alarms cannot be made from, in one line that says what to do. */
public final class AlarmException extends Exception {
  private static final long serialVersionUID = 1L;

  AlarmException(String message) {
    super(message);
  }
}
