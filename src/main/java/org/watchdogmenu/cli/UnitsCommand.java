package org.watchdogmenu.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.watchdogmenu.install.InstallException;
import org.watchdogmenu.install.Planner;
import org.watchdogmenu.install.UserUnitRequest;
import org.watchdogmenu.model.Target;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code units ...}: the systemd units and the PM2 housekeeping the seeds set up by hand. */
@Command(
    name = "units",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a systemd unit or drop-in, or the PM2 housekeeping of a user; or removes one.",
      "Units are verified with systemd-analyze: a user service that starts a command target at"
          + " boot, a restart-policy drop-in for any unit, or the continuous monitor's service."
          + " PM2 housekeeping is a resurrect at boot, an hourly save, an old-log clean-up and a"
          + " disk warning, with 'pm2 startup' done with an explicit user and home. The"
          + " --remove options take away a drop-in or user service that watchdog-menu wrote"
          + " (never a file it did not write), with systemctl disable and daemon-reload."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  watchdog-menu units --restart-policy mingus-backend.service",
      "  watchdog-menu units --user-service camera-platform",
      "  watchdog-menu units --monitor",
      "  watchdog-menu units --pm2-housekeeping ubuntu --app-dir /srv/app",
      "  watchdog-menu units --remove-restart-policy mingus-backend.service"
    })
final class UnitsCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;
  @Mixin PlanOptions plan;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  /** Which unit. */
  static final class Which {
    @Option(
        names = "--user-service",
        paramLabel = "TARGET",
        description = "A user service for a command target run as a user (e.g. camera-platform).")
    String userService;

    @Option(
        names = "--restart-policy",
        paramLabel = "UNIT",
        description =
            "Restart=always, RestartSec=10, StartLimit 5 per 300s, OnFailure alert, for UNIT.")
    String restartPolicy;

    @Option(
        names = "--remove-user-service",
        paramLabel = "TARGET",
        description = "Disable and remove the user service of TARGET that watchdog-menu wrote.")
    String removeUserService;

    @Option(
        names = "--remove-restart-policy",
        paramLabel = "UNIT",
        description =
            "Remove the restart-policy drop-in of UNIT that watchdog-menu wrote (and the alert"
                + " unit with the last one).")
    String removeRestartPolicy;

    @Option(names = "--monitor", description = "The engine's continuous monitor service.")
    boolean monitor;

    @Option(
        names = "--pm2-housekeeping",
        paramLabel = "USER",
        description = "PM2 housekeeping for USER (needs --app-dir).")
    String pm2User;
  }

  @Option(
      names = "--app-dir",
      paramLabel = "DIR",
      description = "With --pm2-housekeeping: the app folder (its logs/ are cleaned).")
  String appDir;

  @Override
  public Integer call() {
    return PlanRun.run(
        spec,
        top,
        () -> {
          Planner planner = new Planner(top.host());
          if (which.userService != null) {
            return planner.userUnit(
                UserUnitRequest.forCommandTarget(top.target(which.userService)));
          }
          if (which.restartPolicy != null) {
            return planner.restartPolicy(which.restartPolicy);
          }
          if (which.removeUserService != null) {
            Target t = top.target(which.removeUserService);
            Optional<String> user = t.service() == null ? Optional.empty() : t.service().account();
            if (user.isEmpty()) {
              throw new InstallException(
                  "target "
                      + t.id()
                      + " has no service.user, so it has no user service: name a command target"
                      + " run as a user");
            }
            return planner.removeUserUnit(user.get(), t.id());
          }
          if (which.removeRestartPolicy != null) {
            return planner.removeRestartPolicy(which.removeRestartPolicy);
          }
          if (which.monitor) {
            return planner.monitor();
          }
          if (appDir == null) {
            throw new InstallException(
                "--pm2-housekeeping needs --app-dir DIR, the app's folder (its logs/ are cleaned)");
          }
          return planner.pm2Housekeeping(which.pm2User, appDir);
        },
        plan.dryRun,
        plan.yes);
  }
}
