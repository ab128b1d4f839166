package org.watchdogmenu.metrics;

import java.time.Duration;
import java.util.List;
import org.watchdogmenu.os.Command;

/**
 * One {@code aws} command of an alarm plan. Its argv may hold {@link #TOPIC_ARN}, which stands for
 * the ARN that the plan's {@code sns create-topic} answers.
 *
 * @param why what the command does, for the plan
 */
public record AwsStep(Kind kind, List<String> argv, String why) {
  /** Stands for the topic's ARN until {@code sns create-topic} has answered it. */
  public static final String TOPIC_ARN = "TOPIC_ARN";

  /** What the command is, so its answer is read the right way. */
  public enum Kind {
    CREATE_TOPIC,
    SUBSCRIBE,
    PUT_ALARM,
    DELETE_ALARMS
  }

  public AwsStep {
    argv = List.copyOf(argv);
  }

  /** The command to run, with {@link #TOPIC_ARN} replaced by the topic's ARN. */
  Command command(String topicArn, Duration timeout) {
    return Command.of(timeout, argv.stream().map(a -> a.equals(TOPIC_ARN) ? topicArn : a).toList());
  }

  /** The argv as a person would type it. */
  public String display() {
    return Command.of(Duration.ofSeconds(1), argv).display();
  }
}
