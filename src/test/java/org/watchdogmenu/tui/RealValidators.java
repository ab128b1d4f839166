package org.watchdogmenu.tui;

import java.nio.file.Path;
import java.util.Set;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.CommandRunner;
import org.watchdogmenu.os.ExecCommandRunner;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;

/**
 * For the menu's integration tests (*IT): the validators an apply runs are the machine's own
 * ({@code visudo}, {@code logrotate}, {@code systemd-analyze}, on copies in random temp folders);
 * every other command is answered by {@link ExactCommands}, and time is still a {@link
 * MutableClock}.
 */
final class RealValidators implements CommandRunner {
  static final Set<String> REAL = Set.of("visudo", "logrotate", "systemd-analyze");

  private final CommandRunner real = new ExecCommandRunner();
  private final ExactCommands rest;

  RealValidators(ExactCommands rest) {
    this.rest = rest;
  }

  /** A sandbox host at {@code dir}, as {@link VirtualMenu#sandbox}, with the real validators. */
  static Host sandbox(Path dir) {
    return sandbox(dir, new ExactCommands().noServiceManager());
  }

  static Host sandbox(Path dir, ExactCommands rest) {
    MutableClock clock = new MutableClock(VirtualMenu.START);
    return new Host(new HostRoot(dir), new RealValidators(rest), clock, clock, "root");
  }

  ExactCommands rest() {
    return rest;
  }

  @Override
  public CommandResult run(Command command) {
    return REAL.contains(command.program()) ? real.run(command) : rest.run(command);
  }
}
