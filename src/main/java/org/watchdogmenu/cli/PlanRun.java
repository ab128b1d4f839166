package org.watchdogmenu.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;
import org.watchdogmenu.install.Applier;
import org.watchdogmenu.install.ApplyResult;
import org.watchdogmenu.install.InstallException;
import org.watchdogmenu.install.Plan;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How every command that changes files runs: make the plan, show it (each file with a diff, the
 * commands, warnings), and apply it unless {@code --dry-run}. A plan that needs a deliberate yes is
 * applied only with {@code --yes}.
 */
final class PlanRun {
  private PlanRun() {}

  static int run(
      CommandSpec spec,
      WatchdogMenuCommand top,
      Supplier<Plan> planner,
      boolean dryRun,
      boolean yes) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Plan plan;
    try {
      plan = planner.get();
    } catch (InstallException e) {
      err.println(e.getMessage());
      return ExitCodes.USAGE;
    }
    out.print(plan.preview());
    out.flush();
    if (dryRun) {
      out.println("Dry run: nothing was changed.");
      return ExitCodes.OK;
    }
    if (plan.confirmation() != null && !yes) {
      err.println(
          "Not applied: "
              + plan.confirmation()
              + ". Run again with --yes if that is what you want.");
      return ExitCodes.FAILURE;
    }
    try {
      ApplyResult result = new Applier(top.host()).apply(plan, new Applier.Options(yes));
      result.lines().forEach(out::println);
      return result.commandsOk() ? ExitCodes.OK : ExitCodes.FAILURE;
    } catch (InstallException e) {
      err.println("Not applied: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
  }
}
