package org.watchdogmenu.metrics;

import java.util.List;
import java.util.Optional;

/**
 * What the {@code alarms} command was asked: set (or remove) the three alarms of these targets.
 *
 * @param host the host's name in the alarms' names
 * @param targets the targets' ids, at least one
 * @param email an address to subscribe to the topic
 * @param topicArn an SNS topic to notify; empty: the command creates {@value CloudWatchAlarm#TOPIC}
 * @param region the AWS region; empty: the one in metrics.yaml, else the aws CLI's own
 */
public record AlarmRequest(
    Action action,
    String host,
    List<String> targets,
    Optional<String> email,
    Optional<String> topicArn,
    Optional<String> region) {

  /** Set the alarms (create or replace) or remove them. */
  public enum Action {
    SET,
    REMOVE
  }

  public AlarmRequest {
    targets = List.copyOf(targets);
  }

  /** The command line that asks for this, for the plan's title. */
  public String commandLine() {
    StringBuilder sb = new StringBuilder("watchdog-menu alarms");
    if (action == Action.REMOVE) {
      sb.append(" --remove");
    }
    email.ifPresent(e -> sb.append(" --email ").append(e));
    topicArn.ifPresent(t -> sb.append(" --sns-topic ").append(t));
    region.ifPresent(r -> sb.append(" --region ").append(r));
    sb.append(" --host ").append(host).append(" --targets");
    targets.forEach(t -> sb.append(' ').append(t));
    return sb.toString();
  }
}
