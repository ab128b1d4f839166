package org.watchdogmenu.cli;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.watchdogmenu.catalog.CatalogException;
import org.watchdogmenu.install.Feature;
import org.watchdogmenu.install.Planner;
import org.watchdogmenu.model.Target;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code disable TARGET --health | --restart | --all | --monitor}. */
@Command(
    name = "disable",
    mixinStandardHelpOptions = true,
    description = {
      "Removes a target's scheduled health check or restart, or takes it off the monitor.",
      "Only files watchdog-menu wrote are removed; a file it replaced comes back."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  watchdog-menu disable paqet-server --health",
      "  watchdog-menu disable paqet-server --all"
    })
final class DisableCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;
  @Mixin PlanOptions plan;

  @Parameters(paramLabel = "TARGET", description = "The target id, e.g. paqet-server.")
  String targetId;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  /** Which features. */
  static final class Which {
    @Option(names = "--health", description = "The health check.")
    boolean health;

    @Option(names = "--restart", description = "The scheduled restart.")
    boolean restart;

    @Option(names = "--all", description = "Both schedules.")
    boolean all;

    @Option(names = "--monitor", description = "Continuous mode (the monitor's list).")
    boolean monitor;
  }

  @Override
  public Integer call() {
    if (!which.monitor) {
      Optional<Integer> fromManifest = fromManifestAlone();
      if (fromManifest.isPresent()) {
        return fromManifest.get();
      }
    }
    Target target = top.target(targetId);
    if (which.monitor) {
      return PlanRun.run(
          spec,
          top,
          () -> new Planner(top.host()).monitorTarget(target, false),
          plan.dryRun,
          plan.yes);
    }
    return PlanRun.run(
        spec,
        top,
        () -> new Planner(top.host()).disable(target, features()),
        plan.dryRun,
        plan.yes);
  }

  private Set<Feature> features() {
    return which.all
        ? EnumSet.allOf(Feature.class)
        : EnumSet.of(which.health ? Feature.HEALTH : Feature.RESTART);
  }

  /**
   * A target whose file is broken or deleted still has the cron files watchdog-menu wrote for it:
   * the manifest records them by target and feature, so they are removed from it alone.
   */
  private Optional<Integer> fromManifestAlone() {
    String problem;
    try {
      top.catalog().target(targetId);
      return Optional.empty();
    } catch (CatalogException e) {
      problem = e.getMessage();
    }
    if (!Target.isValidId(targetId) || !new Planner(top.host()).hasSchedules(targetId)) {
      return Optional.empty();
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "Note: "
            + targetId
            + " does not load ("
            + problem
            + "); its schedules are disabled from what watchdog-menu recorded.");
    err.flush();
    return Optional.of(
        PlanRun.run(
            spec,
            top,
            () -> new Planner(top.host()).disable(targetId, features()),
            plan.dryRun,
            plan.yes));
  }
}
