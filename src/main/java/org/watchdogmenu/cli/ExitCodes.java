package org.watchdogmenu.cli;

/** Exit codes. {@code check} follows the Nagios plugin convention; the others are plain. */
final class ExitCodes {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;

  static final int CHECK_OK = 0;
  static final int CHECK_WARNING = 1;
  static final int CHECK_CRITICAL = 2;
  static final int CHECK_UNKNOWN = 3;

  private ExitCodes() {}
}
