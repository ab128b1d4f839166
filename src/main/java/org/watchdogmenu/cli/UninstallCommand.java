package org.watchdogmenu.cli;

import java.util.concurrent.Callable;
import org.watchdogmenu.install.Planner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code uninstall}: every file watchdog-menu wrote removed, every file it replaced put back. */
@Command(
    name = "uninstall",
    mixinStandardHelpOptions = true,
    description = {
      "Removes every schedule, unit, sudo rule and log rotation watchdog-menu wrote and puts back",
      "what they replaced. The program itself is removed with 'install.sh --uninstall'."
    })
final class UninstallCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;
  @Mixin PlanOptions plan;

  @Override
  public Integer call() {
    return PlanRun.run(spec, top, () -> new Planner(top.host()).uninstall(), plan.dryRun, plan.yes);
  }
}
