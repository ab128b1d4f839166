package org.watchdogmenu.install;

import java.util.Set;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.CommandRunner;
import org.watchdogmenu.os.ExecCommandRunner;
import org.watchdogmenu.os.ScriptedCommandRunner;

/** Runs the validators for real and scripts every other command (systemctl, loginctl, pm2). */
final class ToolsRealOthersScripted implements CommandRunner {
  private static final Set<String> VALIDATORS = Set.of("visudo", "systemd-analyze", "logrotate");
  private final CommandRunner real = new ExecCommandRunner();
  final ScriptedCommandRunner scripted = new ScriptedCommandRunner();

  @Override
  public CommandResult run(Command command) {
    return VALIDATORS.contains(command.program()) ? real.run(command) : scripted.run(command);
  }
}
