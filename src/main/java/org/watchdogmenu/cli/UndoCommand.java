package org.watchdogmenu.cli;

import java.util.concurrent.Callable;
import org.watchdogmenu.install.Planner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code undo}: takes back the last apply. */
@Command(
    name = "undo",
    mixinStandardHelpOptions = true,
    description = {
      "Takes back the last change: removes the files it created and puts back the ones it replaced.",
      "Run it again to take back the change before."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  watchdog-menu undo --dry-run", "  watchdog-menu undo"})
final class UndoCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;
  @Mixin PlanOptions plan;

  @Override
  public Integer call() {
    return PlanRun.run(spec, top, () -> new Planner(top.host()).undo(), plan.dryRun, plan.yes);
  }
}
