package org.watchdogmenu.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.watchdogmenu.engine.LastResults;
import org.watchdogmenu.metrics.AlarmException;
import org.watchdogmenu.metrics.AlarmPlan;
import org.watchdogmenu.metrics.AlarmRequest;
import org.watchdogmenu.metrics.AlarmResult;
import org.watchdogmenu.metrics.CloudWatchAlarms;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.HostName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code alarms}: the CloudWatch alarms of the metrics the checks publish, through aws. */
@Command(
    name = "alarms",
    mixinStandardHelpOptions = true,
    description = {
      "Sets CloudWatch alarms on the targets' metrics, with an SNS topic that e-mails.",
      "Three alarms per target, on the metrics the checks publish (cloudwatch section of"
          + " /etc/watchdog-menu/metrics.yaml, same namespace and region, dimension Target):"
          + " service down (ServiceStatus below 1 for 10 minutes), more than 3 failed checks in"
          + " 5 minutes, more than 2 restarts in 15 minutes. Each notifies the SNS topic when it"
          + " fires and when it clears; without --sns-topic the topic watchdog-menu-alarms is"
          + " created and --email subscribed to it. The aws commands are shown first and run only"
          + " with --yes; each one creates or replaces, so running again is safe. Alarms are"
          + " named watchdog-menu-HOST-TARGET-service-down, -failed-checks, -frequent-restarts."
          + " The aws CLI finds its credentials as root does (an instance role, or root's"
          + " ~/.aws)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  watchdog-menu alarms --email ops@example.com --dry-run",
      "  sudo watchdog-menu alarms --email ops@example.com --yes",
      "  sudo watchdog-menu alarms --targets pm2-codebox --region us-east-1 \\",
      "      --sns-topic arn:aws:sns:us-east-1:123456789012:ops --yes",
      "  sudo watchdog-menu alarms --remove --targets pm2-codebox --yes"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every aws command succeeded (or --dry-run)",
      "1:an aws command failed, or the plan was not confirmed with --yes",
      "2:usage error, or metrics.yaml is broken"
    })
final class AlarmsCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;

  @Option(
      names = "--email",
      paramLabel = "ADDRESS",
      description = "Subscribe this address to the topic (AWS mails it a link to confirm).")
  String email;

  @Option(
      names = "--sns-topic",
      paramLabel = "ARN",
      description = "Notify this SNS topic instead of creating watchdog-menu-alarms.")
  String topic;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description =
          "The AWS region (default: cloudwatch.region of metrics.yaml, else the aws CLI's own).")
  String region;

  @Option(
      names = "--targets",
      paramLabel = "ID",
      arity = "1..*",
      description = "The targets (default: every target checked on this host).")
  List<String> targets;

  @Option(
      names = "--host",
      paramLabel = "NAME",
      description = "The host's name in the alarms' names (default: this machine's).")
  String hostName;

  @Option(names = "--remove", description = "Delete the alarms of the targets instead.")
  boolean remove;

  @Option(names = "--dry-run", description = "Show the aws commands; run nothing.")
  boolean dryRun;

  @Option(names = "--yes", description = "Run the aws commands (without it they are only shown).")
  boolean yes;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AlarmRequest request =
        new AlarmRequest(
            remove ? AlarmRequest.Action.REMOVE : AlarmRequest.Action.SET,
            hostName == null ? HostName.get() : hostName,
            targetIds(),
            Optional.ofNullable(email),
            Optional.ofNullable(topic),
            Optional.ofNullable(region));
    CloudWatchAlarms alarms;
    AlarmPlan plan;
    try {
      alarms = CloudWatchAlarms.load(top.host());
      plan = alarms.plan(request);
    } catch (ConfigException | AlarmException e) {
      err.println(e.getMessage());
      return ExitCodes.USAGE;
    }
    out.print(plan.preview());
    if (dryRun) {
      out.println("Dry run: nothing was changed.");
      return ExitCodes.OK;
    }
    if (!yes) {
      out.flush();
      err.println(
          "Not applied: "
              + plan.confirmation()
              + ". Run again with --yes if that is what you want.");
      return ExitCodes.FAILURE;
    }
    out.println();
    out.flush();
    AlarmResult result = alarms.apply(plan);
    result.lines().forEach(out::println);
    return result.ok() ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  /** The named targets (each must exist), else every target with a check result on this host. */
  private List<String> targetIds() {
    if (targets != null) {
      return targets.stream().map(id -> top.target(id).id()).distinct().toList();
    }
    LastResults last = new LastResults(top.host().root());
    List<String> checked =
        top.catalog().targets().stream()
            .map(Target::id)
            .filter(id -> last.load(id).isPresent())
            .toList();
    if (checked.isEmpty()) {
      throw new InputError(
          spec.commandLine(),
          "no target has been checked on this host yet: name them with --targets ID");
    }
    return checked;
  }
}
