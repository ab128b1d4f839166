package org.watchdogmenu.cli;

import java.util.concurrent.Callable;
import org.watchdogmenu.install.Feature;
import org.watchdogmenu.install.InstallException;
import org.watchdogmenu.install.Planner;
import org.watchdogmenu.install.Schedule;
import org.watchdogmenu.model.Target;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code enable TARGET --health 5m | --restart 1h | --restart-at 08:00,16:00,00:00 | --monitor}.
 */
@Command(
    name = "enable",
    mixinStandardHelpOptions = true,
    description = {
      "Schedules a target's health check or restart, or adds it to the continuous monitor.",
      "A schedule is a cron file, /etc/cron.d/SYSTEM-health-SERVICE or"
          + " /etc/cron.d/SYSTEM-restart-SERVICE (and linger for a service run as a user);"
          + " --monitor adds the target to /etc/watchdog-menu/monitor.yaml. The plan is shown"
          + " first, and 'undo' takes the change back."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  watchdog-menu enable paqet-server --health 5m",
      "  watchdog-menu enable paqet-server --restart-at 08:00,16:00,00:00",
      "  watchdog-menu enable pm2-codebox --monitor --dry-run"
    })
final class EnableCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;
  @Mixin PlanOptions plan;

  @Parameters(paramLabel = "TARGET", description = "The target id, e.g. paqet-server.")
  String targetId;

  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  /** Which feature, on which schedule. */
  static final class What {
    @Option(
        names = "--health",
        paramLabel = "EVERY",
        description = "Health check every N minutes or hours: 2m, 5m, 10m, 1h.")
    String health;

    @Option(
        names = "--restart",
        paramLabel = "EVERY",
        description = "Scheduled restart every 10m, 30m, 1h, 2h, 4h, 6h, 12h or 24h.")
    String restart;

    @Option(
        names = "--restart-at",
        paramLabel = "TIMES",
        description = "Scheduled restart at times of day, e.g. 08:00,16:00,00:00 or 08:30,16:30.")
    String restartAt;

    @Option(
        names = "--monitor",
        description =
            "Continuous mode: add it to the monitor's list (checked every policy.interval).")
    boolean monitor;
  }

  @Override
  public Integer call() {
    Target target = top.target(targetId);
    if (what.monitor) {
      return PlanRun.run(
          spec,
          top,
          () -> new Planner(top.host()).monitorTarget(target, true),
          plan.dryRun,
          plan.yes);
    }
    Feature feature = what.health != null ? Feature.HEALTH : Feature.RESTART;
    return PlanRun.run(
        spec,
        top,
        () -> new Planner(top.host()).enable(target, feature, schedule()),
        plan.dryRun,
        plan.yes);
  }

  private Schedule schedule() {
    String text =
        what.health != null ? what.health : what.restart != null ? what.restart : what.restartAt;
    Schedule schedule = Schedule.parse(text);
    boolean timesOfDay = schedule instanceof Schedule.DailyAt;
    if (what.restartAt != null && !timesOfDay) {
      throw new InstallException(
          "--restart-at "
              + text
              + ": give times of day, e.g. 08:00,16:00,00:00 (for an interval use --restart)");
    }
    if (what.restartAt == null && text.contains(":")) {
      throw new InstallException(
          "--"
              + (what.health != null ? "health" : "restart")
              + " "
              + text
              + ": give an interval such as 5m or 1h (times of day go with --restart-at)");
    }
    return schedule;
  }
}
