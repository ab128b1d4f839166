package org.watchdogmenu.service;

import java.nio.file.Path;
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

  /** Runs the level with its output captured in the result. */
  public CommandResult run(CommandRunner runner) {
    return run(runner, null);
  }

  /**
   * Runs the level; the guard calls this inside the target's lock.
   *
   * @param outputLog the log of the run (the target's health or cron log), which the command's
   *     output is appended to as the old scripts did with {@code >> log 2>&1}, so that a daemon it
   *     starts keeps writing there; null to capture the output in the result only
   */
  public CommandResult run(CommandRunner runner, Path outputLog) {
    Command c = outputLog == null ? command : command.appendOutputTo(outputLog);
    return action == null ? runner.run(c) : action.run(runner, c);
  }
}
