package org.watchdogmenu.os;

import java.util.Map;
import java.util.Optional;

/**
 * The programs watchdog-menu runs that come from a Debian package, and the one line that says how
 * to get one that is missing: {@code logrotate is not installed: apt-get install logrotate}, never
 * the errno of the failed start.
 */
public final class Programs {
  private static final Map<String, String> PACKAGES =
      Map.ofEntries(
          Map.entry("logrotate", "logrotate"),
          Map.entry("visudo", "sudo"),
          Map.entry("sudo", "sudo"),
          Map.entry("systemd-analyze", "systemd"),
          Map.entry("systemctl", "systemd"),
          Map.entry("journalctl", "systemd"),
          Map.entry("loginctl", "systemd"),
          Map.entry("crontab", "cron"),
          Map.entry("cron", "cron"));

  private Programs() {}

  /** The Debian package that has the program, when it is one the tool knows. */
  public static Optional<String> packageOf(String program) {
    String name = program.substring(program.lastIndexOf('/') + 1);
    return Optional.ofNullable(PACKAGES.get(name));
  }

  /**
   * The line for a program that is not there: {@code logrotate is not installed: apt-get install
   * logrotate}; a path that does not exist is named as such.
   */
  public static String missing(String program) {
    Optional<String> pkg = packageOf(program);
    String name = program.substring(program.lastIndexOf('/') + 1);
    if (pkg.isPresent()) {
      return name + " is not installed: apt-get install " + pkg.get();
    }
    if (program.contains("/")) {
      return program + " does not exist";
    }
    return program + " is not installed (it is not on PATH)";
  }

  /**
   * How a run of the program ended, in one line: the missing-program line when it could not be
   * found, else the program's name and {@link CommandResult#summary()}.
   */
  public static String describe(String program, CommandResult result) {
    if (result.programMissing()) {
      return missing(program);
    }
    return program + " " + result.summary();
  }
}
