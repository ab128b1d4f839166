package org.watchdogmenu.cli;

import java.util.concurrent.Callable;
import org.watchdogmenu.alert.NewChannel;
import org.watchdogmenu.install.Planner;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code alert add-channel NAME --slack URL | --webhook URL | --command LINE [--timeout 5s]}. */
@Command(
    name = "add-channel",
    mixinStandardHelpOptions = true,
    description = {
      "Adds an alert channel to /etc/watchdog-menu/alerts.yaml (mode 0600 root), keeping every",
      "channel and setting there. The preview masks webhook addresses; the address given here",
      "shows in the process list while the command runs (the menu's form avoids that)."
    })
final class AlertAddChannelCommand implements Callable<Integer> {
  @ParentCommand AlertCommand alert;
  @Spec CommandSpec spec;
  @Mixin PlanOptions plan;

  @Parameters(paramLabel = "NAME", description = "How results and logs name it, e.g. ops-slack.")
  String name;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Where where;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "The longest a send may take, e.g. 10s (default: 5s).")
  String timeout = "5s";

  /** Where the channel sends. */
  static final class Where {
    @Option(
        names = "--slack",
        paramLabel = "URL",
        description = "A Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat).")
    String slack;

    @Option(
        names = "--webhook",
        paramLabel = "URL",
        description = "A webhook that takes JSON: event, target, message, time, host, details.")
    String webhook;

    @Option(
        names = "--command",
        paramLabel = "LINE",
        description = {
          "A program run without a shell, as one line split into words the way a shell would;",
          "{event} {target} {message} {time} {host} are filled in, e.g.",
          "--command \"/usr/bin/logger -t watchdog-menu '{target} {event}: {message}'\"."
        })
    String command;
  }

  @Override
  public Integer call() {
    NewChannel.Kind kind =
        where.slack != null
            ? NewChannel.Kind.SLACK
            : where.webhook != null ? NewChannel.Kind.WEBHOOK : NewChannel.Kind.COMMAND;
    String address =
        where.slack != null ? where.slack : where.webhook != null ? where.webhook : where.command;
    refuse("NAME", NewChannel.nameProblem(name));
    refuse("--" + kind.key(), NewChannel.addressProblem(kind, address));
    refuse("--timeout", NewChannel.timeoutProblem(timeout));
    NewChannel channel = new NewChannel(kind, name, address, NewChannel.timeout(timeout));
    return PlanRun.run(
        spec,
        alert.top,
        () -> new Planner(alert.top.host()).alertChannel(channel),
        plan.dryRun,
        plan.yes);
  }

  /** Bad input: one line naming the argument, exit 2, nothing written. */
  private void refuse(String argument, String problem) {
    if (problem != null) {
      throw new InputError(spec.commandLine(), argument + ": " + problem);
    }
  }
}
