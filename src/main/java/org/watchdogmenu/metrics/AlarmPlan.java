package org.watchdogmenu.metrics;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code aws} commands that set or remove the alarms of some targets, in the order they run,
 * and the plan in words ({@link #preview}) that is shown before any of them runs.
 *
 * @param namespaces each target's namespace, in the request's order
 * @param region the region passed to aws, or empty for the aws CLI's own
 */
public record AlarmPlan(
    AlarmRequest request,
    Map<String, String> namespaces,
    Optional<String> region,
    List<AwsStep> steps) {

  public AlarmPlan {
    steps = List.copyOf(steps);
  }

  /** Why running the plan needs a deliberate yes. */
  public String confirmation() {
    return request.action() == AlarmRequest.Action.SET
        ? "these commands create or replace alarms and an SNS subscription in your AWS account"
            + " (CloudWatch bills each alarm per month)"
        : "these commands delete alarms in your AWS account";
  }

  /** The plan in words: the alarms, the commands, what missing data counts as. */
  public String preview() {
    StringBuilder out = new StringBuilder();
    out.append("Plan: ").append(request.commandLine()).append("\n\n");
    boolean set = request.action() == AlarmRequest.Action.SET;
    out.append(set ? "CloudWatch alarms to set" : "CloudWatch alarms to delete")
        .append(" (region ")
        .append(region.orElse("of the aws CLI's own settings"))
        .append("):\n");
    int width =
        request.targets().stream()
            .mapToInt(t -> CloudWatchAlarm.FREQUENT_RESTARTS.name(request.host(), t).length())
            .max()
            .orElse(0);
    for (String target : request.targets()) {
      out.append("  ")
          .append(target)
          .append(": namespace ")
          .append(namespaces.get(target))
          .append(", dimension ")
          .append(CloudWatchAlarm.DIMENSION)
          .append('=')
          .append(target)
          .append('\n');
      for (CloudWatchAlarm alarm : CloudWatchAlarm.values()) {
        String name = alarm.name(request.host(), target);
        out.append("    ").append(name);
        if (set) {
          out.append(" ".repeat(width - name.length() + 2)).append(alarm.condition());
        }
        out.append('\n');
      }
    }
    if (set) {
      out.append("Each alarm notifies the SNS topic ")
          .append(request.topicArn().orElse(CloudWatchAlarm.TOPIC))
          .append(" when it fires and when it clears.\n");
    }
    out.append("\nCommands, in this order (each one is safe to run again):\n");
    for (AwsStep step : steps) {
      out.append("  ").append(step.display()).append("    # ").append(step.why()).append('\n');
    }
    if (steps.stream().anyMatch(s -> s.argv().contains(AwsStep.TOPIC_ARN))) {
      out.append("  (")
          .append(AwsStep.TOPIC_ARN)
          .append(" is the topic's ARN that sns create-topic answers.)\n");
    }
    if (set) {
      out.append("\nMissing data: ")
          .append(CloudWatchAlarm.SERVICE_DOWN.suffix())
          .append(" counts a 5-minute period without any check as down (")
          .append(CloudWatchAlarm.SERVICE_DOWN.missingData().aws())
          .append("): then nothing checks the service, so nothing restarts it either. Check these")
          .append(
              " targets at least every 5 minutes (the monitor, or enable TARGET --health 5m).\n")
          .append(CloudWatchAlarm.FAILED_CHECKS.suffix())
          .append(" and ")
          .append(CloudWatchAlarm.FREQUENT_RESTARTS.suffix())
          .append(" count no data as fine (")
          .append(CloudWatchAlarm.FAILED_CHECKS.missingData().aws())
          .append("): a value is sent only when a check or a restart ran.\n");
      request
          .email()
          .ifPresent(
              e ->
                  out.append("AWS e-mails ")
                      .append(e)
                      .append(
                          " a link to confirm the subscription: no alarm reaches it before.\n"));
    } else {
      out.append("\nThe SNS topic and its subscriptions stay (other hosts may use them).\n");
    }
    return out.toString();
  }
}
