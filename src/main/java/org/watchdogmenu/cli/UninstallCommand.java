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
      "Removes every schedule, unit, sudo rule and log rotation watchdog-menu wrote.",
      "Files they replaced are put back, and target files written by watchdog-menu and not"
          + " edited since are removed. The program itself is removed with 'apt-get remove"
          + " watchdog-menu' (the Debian package) or 'install.sh --uninstall'."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  watchdog-menu uninstall --dry-run", "  watchdog-menu uninstall"})
final class UninstallCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;
  @Mixin PlanOptions plan;

  @Override
  public Integer call() {
    return PlanRun.run(spec, top, () -> new Planner(top.host()).uninstall(), plan.dryRun, plan.yes);
  }
}
