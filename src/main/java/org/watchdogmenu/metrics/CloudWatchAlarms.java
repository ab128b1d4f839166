package org.watchdogmenu.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.ControlChars;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.YamlFile;

/**
 * Sets (or removes) the three {@link CloudWatchAlarm}s of targets through the {@code aws} CLI of
 * {@code metrics.yaml}, in the namespace and region the targets' metrics are published in, with an
 * SNS topic that e-mails. {@link #plan} makes the commands; {@link #apply} runs them in order and
 * stops at the first that fails, in one line naming what to do.
 */
public final class CloudWatchAlarms {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EMAIL = "[^@\\s,'\"]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}";
  private static final String TOPIC =
      "arn:aws[a-z-]*:sns:([a-z0-9-]+):[0-9]{12}:[A-Za-z0-9_-]{1,256}";
  private static final String REGION = "[a-z]{2}(-[a-z]+)+-[0-9]{1,2}";
  static final String HOST = "[A-Za-z0-9][A-Za-z0-9._-]{0,62}";

  private final Host host;
  private final MetricsConfig.CloudWatch cloudWatch;
  private final boolean published;

  CloudWatchAlarms(Host host, MetricsConfig config) {
    this.host = host;
    this.published = config.cloudwatch() != null;
    this.cloudWatch =
        published
            ? config.cloudwatch()
            : new MetricsConfig.CloudWatch(null, null, null, null, null, null, null);
  }

  /**
   * The alarms of this host as {@value Metrics#FILE} (under the host's root) publishes its metrics.
   *
   * @throws ConfigException one line naming the file, the line and the key
   */
  public static CloudWatchAlarms load(Host host) throws ConfigException {
    return new CloudWatchAlarms(
        host,
        YamlFile.read(host.root().resolve(Metrics.FILE), MetricsConfig.class)
            .orElse(MetricsConfig.DEFAULTS));
  }

  /**
   * The commands for the request, checked before any runs.
   *
   * @throws AlarmException one line saying what is wrong with the request and what to do
   */
  public AlarmPlan plan(AlarmRequest r) throws AlarmException {
    boolean set = r.action() == AlarmRequest.Action.SET;
    if (set && !published) {
      throw new AlarmException(
          "CloudWatch is off: add a cloudwatch section to "
              + Metrics.FILE
              + " first, so that checks publish the metrics the alarms watch");
    }
    if (!set && (r.email().isPresent() || r.topicArn().isPresent())) {
      throw new AlarmException(
          "--remove deletes the alarms only (the topic and its subscriptions stay): leave out"
              + " --email and --sns-topic");
    }
    if (r.targets().isEmpty()) {
      throw new AlarmException("no target: name one with --targets ID");
    }
    if (!r.host().matches(HOST)) {
      throw new AlarmException(
          "'" + r.host() + "' is not a host name for an alarm's name: give one with --host NAME");
    }
    Optional<String> region = region(r);
    if (set && r.topicArn().isEmpty() && r.email().isEmpty()) {
      throw new AlarmException(
          "no one to notify: give --email ADDRESS (the topic "
              + CloudWatchAlarm.TOPIC
              + " is created), or --sns-topic ARN of a topic you have");
    }
    if (r.email().isPresent() && !r.email().get().matches(EMAIL)) {
      throw new AlarmException(
          "'" + r.email().get() + "' is not an e-mail address: give one like ops@example.com");
    }
    if (r.topicArn().isPresent()) {
      String arn = r.topicArn().get();
      if (!arn.matches(TOPIC)) {
        throw new AlarmException(
            "'"
                + arn
                + "' is not an SNS topic's ARN: give one like"
                + " arn:aws:sns:us-east-1:123456789012:ops-alarms");
      }
      String topicRegion = arn.split(":")[3];
      if (region.isPresent() && !region.get().equals(topicRegion)) {
        throw new AlarmException(
            "the topic is in "
                + topicRegion
                + " but the alarms go to "
                + region.get()
                + ": CloudWatch notifies only a topic of its own region");
      }
    }
    Map<String, String> namespaces = new LinkedHashMap<>();
    r.targets().forEach(t -> namespaces.put(t, cloudWatch.namespaceOf(t)));
    List<AwsStep> steps = set ? setSteps(r, region, namespaces) : removeSteps(r, region);
    return new AlarmPlan(r, namespaces, region, steps);
  }

  /** The request's region; else, for the aws CLI mode, the one the metrics are published to. */
  private Optional<String> region(AlarmRequest r) throws AlarmException {
    Optional<String> configured =
        cloudWatch.mode() == MetricsConfig.Mode.CLI
            ? Optional.ofNullable(cloudWatch.region())
            : Optional.empty();
    if (r.region().isEmpty()) {
      return configured;
    }
    String region = r.region().get();
    if (!region.matches(REGION)) {
      throw new AlarmException("'" + region + "' is not an AWS region: give one like us-east-1");
    }
    if (configured.isPresent() && !configured.get().equals(region)) {
      throw new AlarmException(
          "the metrics go to "
              + configured.get()
              + " (cloudwatch.region in "
              + Metrics.FILE
              + "), not "
              + region
              + ": leave --region out, or change both");
    }
    return r.region();
  }

  private List<AwsStep> setSteps(
      AlarmRequest r, Optional<String> region, Map<String, String> namespaces) {
    List<AwsStep> steps = new ArrayList<>();
    String topic = r.topicArn().orElse(AwsStep.TOPIC_ARN);
    if (r.topicArn().isEmpty()) {
      List<String> argv = aws("sns", "create-topic", region);
      argv.addAll(List.of("--name", CloudWatchAlarm.TOPIC, "--output", "json"));
      steps.add(new AwsStep(AwsStep.Kind.CREATE_TOPIC, argv, "the topic; one that exists is kept"));
    }
    if (r.email().isPresent()) {
      List<String> argv = aws("sns", "subscribe", region);
      argv.addAll(
          List.of(
              "--topic-arn",
              topic,
              "--protocol",
              "email",
              "--notification-endpoint",
              r.email().get(),
              "--output",
              "json"));
      steps.add(
          new AwsStep(
              AwsStep.Kind.SUBSCRIBE, argv, "e-mail " + r.email().get() + " from the topic"));
    }
    for (String target : r.targets()) {
      for (CloudWatchAlarm alarm : CloudWatchAlarm.values()) {
        List<String> argv = aws("cloudwatch", "put-metric-alarm", region);
        argv.addAll(
            List.of(
                "--alarm-name",
                alarm.name(r.host(), target),
                "--alarm-description",
                alarm.description(r.host(), target),
                "--namespace",
                namespaces.get(target),
                "--metric-name",
                alarm.metric(),
                "--dimensions",
                "Name=" + CloudWatchAlarm.DIMENSION + ",Value=" + target,
                "--statistic",
                alarm.statistic().aws(),
                "--period",
                Integer.toString(alarm.periodSeconds()),
                "--evaluation-periods",
                Integer.toString(alarm.evaluationPeriods()),
                "--threshold",
                Integer.toString(alarm.threshold()),
                "--comparison-operator",
                alarm.comparison().aws(),
                "--treat-missing-data",
                alarm.missingData().aws(),
                "--alarm-actions",
                topic,
                "--ok-actions",
                topic));
        steps.add(new AwsStep(AwsStep.Kind.PUT_ALARM, argv, target + ": " + alarm.condition()));
      }
    }
    return steps;
  }

  private List<AwsStep> removeSteps(AlarmRequest r, Optional<String> region) {
    List<AwsStep> steps = new ArrayList<>();
    for (String target : r.targets()) {
      List<String> argv = aws("cloudwatch", "delete-alarms", region);
      argv.add("--alarm-names");
      for (CloudWatchAlarm alarm : CloudWatchAlarm.values()) {
        argv.add(alarm.name(r.host(), target));
      }
      steps.add(
          new AwsStep(
              AwsStep.Kind.DELETE_ALARMS,
              argv,
              "the alarms of " + target + "; a name that is not there is passed over"));
    }
    return steps;
  }

  private List<String> aws(String service, String operation, Optional<String> region) {
    List<String> argv = new ArrayList<>(List.of(cloudWatch.aws(), service, operation));
    region.ifPresent(
        rg -> {
          argv.add("--region");
          argv.add(rg);
        });
    return argv;
  }

  /**
   * Runs the plan's commands in order; stops at the first that fails.
   *
   * @return a line per command that ran, or the one line of the failure
   */
  public AlarmResult apply(AlarmPlan plan) {
    List<String> lines = new ArrayList<>();
    String topic = plan.request().topicArn().orElse(AwsStep.TOPIC_ARN);
    int done = 0;
    for (AwsStep step : plan.steps()) {
      CommandResult result = host.runner().run(step.command(topic, cloudWatch.timeout()));
      if (!result.succeeded()) {
        return failed(plan, step, done, AwsFailure.line(step, result, cloudWatch), lines);
      }
      switch (step.kind()) {
        case CREATE_TOPIC -> {
          Optional<String> arn = field(result, "TopicArn");
          if (arn.isEmpty()) {
            return failed(
                plan,
                step,
                done,
                "aws sns create-topic answered no TopicArn: "
                    + ControlChars.escape(result.stdout().strip()),
                lines);
          }
          topic = arn.get();
          lines.add("Topic " + topic);
        }
        case SUBSCRIBE -> {
          String email = plan.request().email().orElse("");
          boolean pending =
              field(result, "SubscriptionArn").map(a -> !a.startsWith("arn:")).orElse(true);
          lines.add(
              pending
                  ? "Subscribed "
                      + email
                      + ": AWS has sent it a link to confirm; no alarm reaches it before"
                  : "Subscribed " + email + " (confirmed before)");
        }
        case PUT_ALARM ->
            lines.add("Alarm set: " + step.argv().get(step.argv().indexOf("--alarm-name") + 1));
        case DELETE_ALARMS -> lines.add("Alarms deleted: " + String.join(" ", names(step)));
      }
      done++;
    }
    return new AlarmResult(lines, true);
  }

  private static List<String> names(AwsStep step) {
    List<String> argv = step.argv();
    return argv.subList(argv.indexOf("--alarm-names") + 1, argv.size());
  }

  private static AlarmResult failed(
      AlarmPlan plan, AwsStep step, int done, String why, List<String> lines) {
    List<String> all = new ArrayList<>(lines);
    all.add(
        "Stopped at command "
            + (done + 1)
            + " of "
            + plan.steps().size()
            + ": "
            + why
            + (done > 0
                ? "; run it again once fixed, the commands that ran are safe to repeat"
                : ""));
    return new AlarmResult(all, false);
  }

  private static Optional<String> field(CommandResult result, String name) {
    try {
      JsonNode node = JSON.readTree(result.stdout());
      return node != null && node.path(name).isTextual()
          ? Optional.of(node.path(name).asText())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
