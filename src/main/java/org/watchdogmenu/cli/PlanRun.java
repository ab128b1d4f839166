package org.watchdogmenu.cli;

import java.io.PrintWriter;
import java.time.Duration;
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
 *
 * <p>Nobody confirms a command line's plan on the spot, so it is made (again) while the install
 * lock is held: runs at the same time wait for each other, each one plans from what the one before
 * it installed, and none is refused because another changed the files meanwhile. The plan made
 * before the lock only catches bad input early.
 */
final class PlanRun {
  /** How long a command waits for other runs that are changing files. */
  static final Duration LOCK_WAIT = Duration.ofMinutes(2);

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
    if (dryRun) {
      out.print(plan.preview());
      out.println("Dry run: nothing was changed.");
      return ExitCodes.OK;
    }
    if (plan.confirmation().isPresent() && !yes) {
      return refuse(out, err, plan);
    }
    try (Applier.Locked locked =
        new Applier(top.host())
            .lock(
                LOCK_WAIT,
                lock -> {
                  err.println(
                      "Waiting for another watchdog-menu run to finish changing files (it holds "
                          + lock
                          + ")...");
                  err.flush();
                })) {
      try {
        plan = planner.get();
      } catch (InstallException e) {
        err.println(e.getMessage());
        return ExitCodes.USAGE;
      }
      if (plan.confirmation().isPresent() && !yes) {
        return refuse(out, err, plan);
      }
      out.print(plan.preview());
      out.flush();
      ApplyResult result = locked.apply(plan, new Applier.Options(yes));
      result.lines().forEach(out::println);
      return result.commandsOk() ? ExitCodes.OK : ExitCodes.FAILURE;
    } catch (InstallException e) {
      err.println(
          Denied.line(e, Denied.user())
              .map(line -> "Not applied: " + line + "; --dry-run shows the plan")
              .orElse("Not applied: " + e.getMessage()));
      return ExitCodes.FAILURE;
    }
  }

  /** A plan that needs a deliberate yes, without {@code --yes}: shown, not applied. */
  private static int refuse(PrintWriter out, PrintWriter err, Plan plan) {
    out.print(plan.preview());
    out.flush();
    err.println(
        "Not applied: "
            + plan.confirmation().orElse("")
            + ". Run again with --yes if that is what you want.");
    return ExitCodes.FAILURE;
  }
}
