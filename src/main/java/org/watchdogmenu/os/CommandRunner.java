package org.watchdogmenu.os;

/** Runs external programs. The only way the tool starts a process; tests use a scripted fake. */
public interface CommandRunner {

  /** Runs the command to its end or its timeout. Never throws for a failing or missing program. */
  CommandResult run(Command command);
}
