package org.watchdogmenu.cli;

import java.util.concurrent.Callable;
import org.watchdogmenu.install.InstallException;
import org.watchdogmenu.install.Linger;
import org.watchdogmenu.install.Planner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code linger USER}: the user's services run without a login session. */
@Command(
    name = "linger",
    mixinStandardHelpOptions = true,
    description = {
      "Lets a user's processes and systemd user services run without a login session.",
      "It runs loginctl enable-linger where systemd runs, else it creates"
          + " /var/lib/systemd/linger/USER. With --off it runs loginctl disable-linger (or"
          + " removes that file)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  watchdog-menu linger ubuntu",
      "  watchdog-menu linger ubuntu --status",
      "  watchdog-menu linger ubuntu --off"
    })
final class LingerCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;
  @Mixin PlanOptions plan;

  @Parameters(paramLabel = "USER", description = "The account.")
  String user;

  @Option(names = "--status", description = "Only say whether linger is on.")
  boolean status;

  @Option(
      names = "--off",
      description = "Turn linger off: the user's services stop with the last login session.")
  boolean off;

  @Override
  public Integer call() {
    if (status) {
      try {
        boolean on = Linger.isEnabled(top.host().root(), user);
        spec.commandLine()
            .getOut()
            .println("Linger for " + user + ": " + (on ? "enabled" : "not enabled"));
        return ExitCodes.OK;
      } catch (InstallException e) {
        spec.commandLine().getErr().println(e.getMessage());
        return ExitCodes.USAGE;
      }
    }
    return PlanRun.run(
        spec,
        top,
        () -> off ? new Planner(top.host()).lingerOff(user) : new Planner(top.host()).linger(user),
        plan.dryRun,
        plan.yes);
  }
}
