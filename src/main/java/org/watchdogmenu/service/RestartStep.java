package org.watchdogmenu.service;

import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.CommandRunner;

/**
 * One recovery level: what it does in words and the command that does it, or an action of its own
 * (the kill level) that ends with that command.
 *
 * @param description e.g. {@code pm2 restart codebox} or {@code systemctl restart paqet-server}
 * @param action null to run {@code command} as it is
 */
public record RestartStep(String description, Command command, Action action) {

  /** What a level does beyond running one command. */
  public interface Action {
    CommandResult run(CommandRunner runner, Command command);
  }

  public RestartStep(String description, Command command) {
    this(description, command, null);
  }

  /** Runs the level; the guard calls this inside the target's lock. */
  public CommandResult run(CommandRunner runner) {
    return action == null ? runner.run(command) : action.run(runner, command);
  }
}
