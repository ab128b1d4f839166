package org.watchdogmenu.tui;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether the menu can run here: it needs a terminal (not cron, a pipe, or {@code ssh} without
 * {@code -t}) that understands cursor movement (not {@code TERM=dumb}). When not, one line says so
 * and names the commands to use instead.
 */
final class TerminalCheck {
  static final String COMMANDS =
      "use the commands instead: watchdog-menu status, list, check, restart, logs, enable,"
          + " disable (watchdog-menu --help lists them all)";

  private TerminalCheck() {}

  /** The reason the menu cannot run; empty when it can. */
  static Optional<String> refusal(boolean console, String term) {
    if (!console) {
      return Optional.of(
          "watchdog-menu: the menu needs a terminal (this is cron, a pipe, or ssh without -t);"
              + " "
              + COMMANDS);
    }
    String t = term == null ? "" : term.trim().toLowerCase(Locale.ROOT);
    if (t.isEmpty() || t.equals("dumb")) {
      return Optional.of(
          "watchdog-menu: the menu cannot draw on TERM="
              + (t.isEmpty() ? "(unset)" : t)
              + " (set TERM=xterm-256color for the menu); "
              + COMMANDS);
    }
    return Optional.empty();
  }
}
