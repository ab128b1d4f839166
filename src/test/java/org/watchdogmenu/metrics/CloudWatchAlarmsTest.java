package org.watchdogmenu.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

class CloudWatchAlarmsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2025-02-14T10:30:00Z");
  private static final String AWS = "/usr/local/bin/aws";
  private static final String ARN = "arn:aws:sns:us-east-1:123456789012:watchdog-menu-alarms";
  private static final String CLI =
      "cloudwatch:\n  mode: cli\n  aws: /usr/local/bin/aws\n  region: us-east-1\n  timeout: 8s\n"
          + "  namespaces:\n    svc-mingus-backend: Mingus/Backend\n";

  @TempDir Path root;
  private final ScriptedCommandRunner runner = new ScriptedCommandRunner();
  private Host host;

  @BeforeEach
  void host() {
    host = TestHosts.scripted(root, runner, new MutableClock(T0));
  }

  private static AlarmRequest set(String email, String topic, String... targets) {
    return new AlarmRequest(
        AlarmRequest.Action.SET,
        "web1",
        List.of(targets),
        Optional.ofNullable(email),
        Optional.ofNullable(topic),
        Optional.empty());
  }

  private static List<String> putAlarm(
      String name,
      String description,
      String namespace,
      String metric,
      String target,
      String statistic,
      String period,
      String evaluations,
      String threshold,
      String comparison,
      String missing,
      String topic) {
    return List.of(
        AWS,
        "cloudwatch",
        "put-metric-alarm",
        "--region",
        "us-east-1",
        "--alarm-name",
        name,
        "--alarm-description",
        description,
        "--namespace",
        namespace,
        "--metric-name",
        metric,
        "--dimensions",
        "Name=Target,Value=" + target,
        "--statistic",
        statistic,
        "--period",
        period,
        "--evaluation-periods",
        evaluations,
        "--threshold",
        threshold,
        "--comparison-operator",
        comparison,
        "--treat-missing-data",
        missing,
        "--alarm-actions",
        topic,
        "--ok-actions",
        topic);
  }

  private void expectThreeAlarms(String target, String namespace, String topic) {
    runner.expect(
        putAlarm(
                "watchdog-menu-web1-" + target + "-service-down",
                "watchdog-menu on web1, target "
                    + target
                    + ": ServiceStatus below 1 for 10 minutes",
                namespace,
                "ServiceStatus",
                target,
                "Maximum",
                "300",
                "2",
                "1",
                "LessThanThreshold",
                "breaching",
                topic)
            .toArray(String[]::new));
    runner.expect(
        putAlarm(
                "watchdog-menu-web1-" + target + "-failed-checks",
                "watchdog-menu on web1, target "
                    + target
                    + ": more than 3 failed checks in 5 minutes",
                namespace,
                "HealthCheckFailures",
                target,
                "Sum",
                "300",
                "1",
                "3",
                "GreaterThanThreshold",
                "notBreaching",
                topic)
            .toArray(String[]::new));
    runner.expect(
        putAlarm(
                "watchdog-menu-web1-" + target + "-frequent-restarts",
                "watchdog-menu on web1, target " + target + ": more than 2 restarts in 15 minutes",
                namespace,
                "ServiceRestarts",
                target,
                "Sum",
                "900",
                "1",
                "2",
                "GreaterThanThreshold",
                "notBreaching",
                topic)
            .toArray(String[]::new));
  }

  private void expectTopicAndSubscription() {
    runner
        .expect(
            AWS,
            "sns",
            "create-topic",
            "--region",
            "us-east-1",
            "--name",
            "watchdog-menu-alarms",
            "--output",
            "json")
        .prints("{\n    \"TopicArn\": \"" + ARN + "\"\n}\n");
    runner
        .expect(
            AWS,
            "sns",
            "subscribe",
            "--region",
            "us-east-1",
            "--topic-arn",
            ARN,
            "--protocol",
            "email",
            "--notification-endpoint",
            "ops@example.com",
            "--output",
            "json")
        .prints("{\n    \"SubscriptionArn\": \"pending confirmation\"\n}\n");
  }

  @Test
  void setCreatesTheTopicSubscribesAndPutsThreeAlarmsPerTargetInItsNamespace() throws Exception {
    MetricsFiles.write(root, CLI);
    expectTopicAndSubscription();
    expectThreeAlarms("pm2-codebox", "PM2/CodeBox", ARN);
    expectThreeAlarms("svc-mingus-backend", "Mingus/Backend", ARN);
    CloudWatchAlarms alarms = CloudWatchAlarms.load(host);

    AlarmResult result =
        alarms.apply(
            alarms.plan(set("ops@example.com", null, "pm2-codebox", "svc-mingus-backend")));

    runner.verifyAllUsed();
    assertThat(result.ok()).isTrue();
    assertThat(result.lines())
        .containsExactly(
            "Topic " + ARN,
            "Subscribed ops@example.com: AWS has sent it a link to confirm; no alarm reaches it"
                + " before",
            "Alarm set: watchdog-menu-web1-pm2-codebox-service-down",
            "Alarm set: watchdog-menu-web1-pm2-codebox-failed-checks",
            "Alarm set: watchdog-menu-web1-pm2-codebox-frequent-restarts",
            "Alarm set: watchdog-menu-web1-svc-mingus-backend-service-down",
            "Alarm set: watchdog-menu-web1-svc-mingus-backend-failed-checks",
            "Alarm set: watchdog-menu-web1-svc-mingus-backend-frequent-restarts");
    assertThat(runner.seen()).extracting(c -> c.timeout()).containsOnly(Duration.ofSeconds(8));
  }

  @Test
  void aGivenTopicIsNotifiedWithoutCreatingOrSubscribing() throws Exception {
    String ops = "arn:aws:sns:us-east-1:123456789012:ops";
    MetricsFiles.write(root, CLI);
    expectThreeAlarms("pm2-codebox", "PM2/CodeBox", ops);
    CloudWatchAlarms alarms = CloudWatchAlarms.load(host);

    AlarmResult result = alarms.apply(alarms.plan(set(null, ops, "pm2-codebox")));

    runner.verifyAllUsed();
    assertThat(result.ok()).isTrue();
    assertThat(result.lines()).hasSize(3);
  }

  @Test
  void removeDeletesTheThreeAlarmsOfEachTargetAndKeepsTheTopic() throws Exception {
    MetricsFiles.write(root, CLI);
    for (String t : List.of("pm2-codebox", "svc-mingus-backend")) {
      runner.expect(
          AWS,
          "cloudwatch",
          "delete-alarms",
          "--region",
          "us-east-1",
          "--alarm-names",
          "watchdog-menu-web1-" + t + "-service-down",
          "watchdog-menu-web1-" + t + "-failed-checks",
          "watchdog-menu-web1-" + t + "-frequent-restarts");
    }
    CloudWatchAlarms alarms = CloudWatchAlarms.load(host);
    AlarmPlan plan =
        alarms.plan(
            new AlarmRequest(
                AlarmRequest.Action.REMOVE,
                "web1",
                List.of("pm2-codebox", "svc-mingus-backend"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));

    AlarmResult result = alarms.apply(plan);

    runner.verifyAllUsed();
    assertThat(result.lines())
        .containsExactly(
            "Alarms deleted: watchdog-menu-web1-pm2-codebox-service-down"
                + " watchdog-menu-web1-pm2-codebox-failed-checks"
                + " watchdog-menu-web1-pm2-codebox-frequent-restarts",
            "Alarms deleted: watchdog-menu-web1-svc-mingus-backend-service-down"
                + " watchdog-menu-web1-svc-mingus-backend-failed-checks"
                + " watchdog-menu-web1-svc-mingus-backend-frequent-restarts");
    assertThat(plan.preview())
        .contains("CloudWatch alarms to delete (region us-east-1):")
        .contains("The SNS topic and its subscriptions stay");
    assertThat(plan.confirmation()).isEqualTo("these commands delete alarms in your AWS account");
  }

  @Test
  void thePlanListsTheAlarmsTheExactCommandsAndWhatMissingDataCountsAs() throws Exception {
    MetricsFiles.write(root, "cloudwatch:\n  mode: emf\n");

    AlarmPlan plan = CloudWatchAlarms.load(host).plan(set("ops@example.com", null, "web"));

    assertThat(plan.preview())
        .isEqualTo(
            """
            Plan: watchdog-menu alarms --email ops@example.com --host web1 --targets web

            CloudWatch alarms to set (region of the aws CLI's own settings):
              web: namespace PM2/CodeBox, dimension Target=web
                watchdog-menu-web1-web-service-down       ServiceStatus below 1 for 10 minutes
                watchdog-menu-web1-web-failed-checks      more than 3 failed checks in 5 minutes
                watchdog-menu-web1-web-frequent-restarts  more than 2 restarts in 15 minutes
            Each alarm notifies the SNS topic watchdog-menu-alarms when it fires and when it clears.

            Commands, in this order (each one is safe to run again):
              aws sns create-topic --name watchdog-menu-alarms --output json    # the topic; one\
             that exists is kept
              aws sns subscribe --topic-arn TOPIC_ARN --protocol email --notification-endpoint\
             ops@example.com --output json    # e-mail ops@example.com from the topic
              aws cloudwatch put-metric-alarm --alarm-name watchdog-menu-web1-web-service-down\
             --alarm-description 'watchdog-menu on web1, target web: ServiceStatus below 1 for\
             10 minutes' --namespace PM2/CodeBox --metric-name ServiceStatus --dimensions\
             Name=Target,Value=web --statistic Maximum --period 300 --evaluation-periods 2\
             --threshold 1 --comparison-operator LessThanThreshold --treat-missing-data\
             breaching --alarm-actions TOPIC_ARN --ok-actions TOPIC_ARN    # web: ServiceStatus\
             below 1 for 10 minutes
              aws cloudwatch put-metric-alarm --alarm-name watchdog-menu-web1-web-failed-checks\
             --alarm-description 'watchdog-menu on web1, target web: more than 3 failed checks\
             in 5 minutes' --namespace PM2/CodeBox --metric-name HealthCheckFailures --dimensions\
             Name=Target,Value=web --statistic Sum --period 300 --evaluation-periods 1\
             --threshold 3 --comparison-operator GreaterThanThreshold --treat-missing-data\
             notBreaching --alarm-actions TOPIC_ARN --ok-actions TOPIC_ARN    # web: more than 3\
             failed checks in 5 minutes
              aws cloudwatch put-metric-alarm --alarm-name\
             watchdog-menu-web1-web-frequent-restarts --alarm-description 'watchdog-menu on web1,\
             target web: more than 2 restarts in 15 minutes' --namespace PM2/CodeBox\
             --metric-name ServiceRestarts --dimensions Name=Target,Value=web --statistic Sum\
             --period 900 --evaluation-periods 1 --threshold 2 --comparison-operator\
             GreaterThanThreshold --treat-missing-data notBreaching --alarm-actions TOPIC_ARN\
             --ok-actions TOPIC_ARN    # web: more than 2 restarts in 15 minutes
              (TOPIC_ARN is the topic's ARN that sns create-topic answers.)

            Missing data: service-down counts a 5-minute period without any check as down\
             (breaching): then nothing checks the service, so nothing restarts it either. Check\
             these targets at least every 5 minutes (the monitor, or enable TARGET --health 5m).
            failed-checks and frequent-restarts count no data as fine (notBreaching): a value is\
             sent only when a check or a restart ran.
            AWS e-mails ops@example.com a link to confirm the subscription: no alarm reaches it\
             before.
            """);
    assertThat(plan.confirmation()).contains("create or replace alarms");
  }

  private AlarmResult runOnce() throws Exception {
    CloudWatchAlarms alarms = CloudWatchAlarms.load(host);
    return alarms.apply(alarms.plan(set("ops@example.com", null, "web")));
  }

  private ScriptedCommandRunner.Expectation createTopic() {
    return runner.expect(
        AWS,
        "sns",
        "create-topic",
        "--region",
        "us-east-1",
        "--name",
        "watchdog-menu-alarms",
        "--output",
        "json");
  }

  @Test
  void noCredentialsStopsAtTheFirstCommandInOneLine() throws Exception {
    MetricsFiles.write(root, CLI);
    createTopic()
        .exits(255)
        .printsError(
            "\nUnable to locate credentials. You can configure credentials by running"
                + " \"aws configure\".\n");

    AlarmResult result = runOnce();

    runner.verifyAllUsed();
    assertThat(result.ok()).isFalse();
    assertThat(result.lines())
        .containsExactly(
            "Stopped at command 1 of 5: aws found no AWS credentials: give this instance an IAM"
                + " role, or run 'sudo aws configure'");
  }

  @Test
  void aRefusedAlarmNamesThePermissionAndSaysThatRunningAgainIsSafe() throws Exception {
    MetricsFiles.write(root, CLI);
    expectTopicAndSubscription();
    runner
        .expect(
            putAlarm(
                    "watchdog-menu-web1-web-service-down",
                    "watchdog-menu on web1, target web: ServiceStatus below 1 for 10 minutes",
                    "PM2/CodeBox",
                    "ServiceStatus",
                    "web",
                    "Maximum",
                    "300",
                    "2",
                    "1",
                    "LessThanThreshold",
                    "breaching",
                    ARN)
                .toArray(String[]::new))
        .exits(254)
        .printsError(
            "\nAn error occurred (AccessDenied) when calling the PutMetricAlarm operation: User:"
                + " arn:aws:iam::123456789012:user/ops is not authorized to perform:"
                + " cloudwatch:PutMetricAlarm on resource:"
                + " arn:aws:cloudwatch:us-east-1:123456789012:alarm:watchdog-menu-web1-web-service-down"
                + " because no identity-based policy allows the cloudwatch:PutMetricAlarm"
                + " action\n");
    CloudWatchAlarms alarms = CloudWatchAlarms.load(host);

    AlarmResult result = alarms.apply(alarms.plan(set("ops@example.com", null, "web")));

    runner.verifyAllUsed();
    assertThat(result.ok()).isFalse();
    assertThat(result.lines())
        .endsWith(
            "Stopped at command 3 of 5: AWS refused cloudwatch:PutMetricAlarm to"
                + " arn:aws:iam::123456789012:user/ops: allow it in that identity's IAM policy;"
                + " run it again once fixed, the commands that ran are safe to repeat");
  }

  @Test
  void eachAwsFailureIsOneLineThatSaysWhatToDo() throws Exception {
    MetricsFiles.write(root, CLI);
    List<String> lines = new ArrayList<>();
    createTopic().isMissing();
    createTopic().timesOut();
    createTopic()
        .exits(255)
        .printsError(
            "You must specify a region. You can also configure your region by running \"aws"
                + " configure\".");
    createTopic().exits(255).printsError("Could not connect to the endpoint URL: \"https://x/\"");
    createTopic()
        .exits(254)
        .printsError(
            "An error occurred (InvalidClientTokenId) when calling the CreateTopic operation:"
                + " The security token included in the request is invalid.");
    createTopic()
        .exits(254)
        .printsError(
            "An error occurred (AuthorizationError) when calling the CreateTopic operation:"
                + " Not authorized");
    createTopic().exits(2).printsError("aws: error: \u001b[31margument --name: expected one");
    createTopic().prints("not json");
    for (int i = 0; i < 8; i++) {
      lines.addAll(runOnce().lines());
    }

    runner.verifyAllUsed();
    assertThat(lines)
        .containsExactly(
            "Stopped at command 1 of 5: /usr/local/bin/aws does not exist: apt-get install"
                + " awscli, or set cloudwatch.aws in /etc/watchdog-menu/metrics.yaml to its path",
            "Stopped at command 1 of 5: aws sns create-topic did not finish in 8s: check that"
                + " this host reaches AWS, or raise cloudwatch.timeout in"
                + " /etc/watchdog-menu/metrics.yaml",
            "Stopped at command 1 of 5: aws knows no region: give --region, or set"
                + " cloudwatch.region in /etc/watchdog-menu/metrics.yaml",
            "Stopped at command 1 of 5: aws sns create-topic could not reach AWS: check this"
                + " host's network and the region",
            "Stopped at command 1 of 5: AWS did not accept aws's credentials"
                + " (InvalidClientTokenId): renew them with 'sudo aws configure', or check the"
                + " instance role",
            "Stopped at command 1 of 5: AWS refused CreateTopic: allow it in the IAM policy of"
                + " aws's identity",
            "Stopped at command 1 of 5: aws sns create-topic exit 2: aws: error:"
                + " \\x1b[31margument --name: expected one",
            "Stopped at command 1 of 5: aws sns create-topic answered no TopicArn: not json");
  }

  private String refused(String yaml, AlarmRequest request) throws Exception {
    MetricsFiles.write(root, yaml);
    try {
      CloudWatchAlarms.load(host).plan(request);
    } catch (AlarmException e) {
      return e.getMessage();
    }
    throw new AssertionError("not refused: " + request);
  }

  @Test
  void badRequestsAreRefusedInOneLineBeforeAnyCommandRuns() throws Exception {
    assertThat(refused("prometheus:\n  enabled: true\n", set("ops@example.com", null, "web")))
        .isEqualTo(
            "CloudWatch is off: add a cloudwatch section to /etc/watchdog-menu/metrics.yaml"
                + " first, so that checks publish the metrics the alarms watch");
    assertThat(refused(CLI, set(null, null, "web")))
        .isEqualTo(
            "no one to notify: give --email ADDRESS (the topic watchdog-menu-alarms is"
                + " created), or --sns-topic ARN of a topic you have");
    assertThat(refused(CLI, set("ops at example.com", null, "web")))
        .isEqualTo("'ops at example.com' is not an e-mail address: give one like ops@example.com");
    assertThat(refused(CLI, set(null, "arn:aws:sqs:us-east-1:123456789012:q", "web")))
        .startsWith("'arn:aws:sqs:us-east-1:123456789012:q' is not an SNS topic's ARN");
    assertThat(refused(CLI, set(null, "arn:aws:sns:eu-west-1:123456789012:ops", "web")))
        .isEqualTo(
            "the topic is in eu-west-1 but the alarms go to us-east-1: CloudWatch notifies only"
                + " a topic of its own region");
    assertThat(
            refused(
                CLI,
                new AlarmRequest(
                    AlarmRequest.Action.SET,
                    "web1",
                    List.of("web"),
                    Optional.of("ops@example.com"),
                    Optional.empty(),
                    Optional.of("eu-west-1"))))
        .isEqualTo(
            "the metrics go to us-east-1 (cloudwatch.region in /etc/watchdog-menu/metrics.yaml),"
                + " not eu-west-1: leave --region out, or change both");
    assertThat(
            refused(
                CLI,
                new AlarmRequest(
                    AlarmRequest.Action.SET,
                    "web 1",
                    List.of("web"),
                    Optional.of("ops@example.com"),
                    Optional.empty(),
                    Optional.empty())))
        .isEqualTo("'web 1' is not a host name for an alarm's name: give one with --host NAME");
    assertThat(
            refused(
                CLI,
                new AlarmRequest(
                    AlarmRequest.Action.REMOVE,
                    "web1",
                    List.of("web"),
                    Optional.of("ops@example.com"),
                    Optional.empty(),
                    Optional.empty())))
        .isEqualTo(
            "--remove deletes the alarms only (the topic and its subscriptions stay): leave out"
                + " --email and --sns-topic");
    runner.verifyAllUsed();
  }

  @Test
  void removingNeedsNoCloudWatchSection() throws Exception {
    runner.expect(
        "aws",
        "cloudwatch",
        "delete-alarms",
        "--alarm-names",
        "watchdog-menu-web1-web-service-down",
        "watchdog-menu-web1-web-failed-checks",
        "watchdog-menu-web1-web-frequent-restarts");
    CloudWatchAlarms alarms = CloudWatchAlarms.load(host);

    AlarmResult result =
        alarms.apply(
            alarms.plan(
                new AlarmRequest(
                    AlarmRequest.Action.REMOVE,
                    "web1",
                    List.of("web"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty())));

    runner.verifyAllUsed();
    assertThat(result.ok()).isTrue();
  }

  /** The alarms watch exactly what the sink publishes: metric names, dimension, namespace. */
  @Test
  void theAlarmsWatchTheMetricsTheSinkPublishes() throws Exception {
    List<CloudWatchDatum> published = new ArrayList<>();
    published.addAll(
        CloudWatchDatum.afterCheck(
            new CheckSample(
                T0,
                false,
                true,
                false,
                List.of(new ProbeTiming("http", "http", Duration.ofMillis(5))))));
    published.addAll(CloudWatchDatum.afterRestart());
    List<String> names = published.stream().map(CloudWatchDatum::name).toList();
    for (CloudWatchAlarm alarm : CloudWatchAlarm.values()) {
      assertThat(names).as(alarm.suffix()).contains(alarm.metric());
    }

    JsonNode cli = JSON.readTree(AwsCli.metricData("web", T0, published));
    for (JsonNode datum : cli) {
      assertThat(datum.path("Dimensions"))
          .isEqualTo(
              JSON.readTree(
                  "[{\"Name\":\"" + CloudWatchAlarm.DIMENSION + "\",\"Value\":\"web\"}]"));
    }
    JsonNode emf = JSON.readTree(EmfLog.line("PM2/CodeBox", "web", T0, published));
    assertThat(emf.at("/_aws/CloudWatchMetrics/0/Dimensions"))
        .isEqualTo(JSON.readTree("[[\"" + CloudWatchAlarm.DIMENSION + "\"]]"));
    assertThat(emf.path(CloudWatchAlarm.DIMENSION).asText()).isEqualTo("web");
    assertThat(MetricsConfig.CloudWatch.NAMESPACE).isEqualTo("PM2/CodeBox");

    // the statistics fit the values: ServiceStatus is 1 or 0, the counts 1 per event
    assertThat(published)
        .filteredOn(d -> d.name().equals(CloudWatchAlarm.FAILED_CHECKS.metric()))
        .extracting(CloudWatchDatum::value)
        .containsExactly(1L);
    assertThat(published)
        .filteredOn(d -> d.name().equals(CloudWatchAlarm.FREQUENT_RESTARTS.metric()))
        .extracting(CloudWatchDatum::value)
        .containsExactly(1L);
  }
}
