package org.watchdogmenu.cli;

import java.util.concurrent.Callable;
import org.watchdogmenu.install.Planner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code alert remove-channel NAME}. */
@Command(
    name = "remove-channel",
    mixinStandardHelpOptions = true,
    description = {
      "Removes an alert channel from /etc/watchdog-menu/alerts.yaml, keeping every other one.",
      "The file stays mode 0600 root and keeps every other setting; the preview masks webhook"
          + " addresses, and undo brings the channel back."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  watchdog-menu alert remove-channel ops-slack --dry-run",
      "  watchdog-menu alert remove-channel ops-slack"
    })
final class AlertRemoveChannelCommand implements Callable<Integer> {
  @ParentCommand AlertCommand alert;
  @Spec CommandSpec spec;
  @Mixin PlanOptions plan;

  @Parameters(paramLabel = "NAME", description = "The channel's name, e.g. ops-slack.")
  String name;

  @Override
  public Integer call() {
    return PlanRun.run(
        spec,
        alert.top,
        () -> new Planner(alert.top.host()).removeAlertChannel(name),
        plan.dryRun,
        plan.yes);
  }
}
