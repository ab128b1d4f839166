package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alarms} through the real jar, with a scripted {@code aws} first on the PATH the tool gives
 * its commands (AWS itself cannot be reached from a test): the calls it gets, in order, and that
 * the alarms watch exactly the namespace, metric names and dimension that a check publishes through
 * the same {@code aws}.
 */
class CloudWatchAlarmsIT {
  private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:watchdog-menu-alarms";

  @TempDir Path dir;
  private Sandbox sandbox;
  private Path calls;
  private Map<String, String> env;

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
    Path bin = Files.createDirectories(dir.resolve("bin"));
    calls = dir.resolve("aws-calls.txt");
    Path aws = bin.resolve("aws");
    Files.writeString(
        aws,
        String.join(
            "\n",
            "#!/bin/sh",
            "# answers like the aws CLI; each call's arguments one a line, then ----",
            "{ for a in \"$@\"; do printf '%s\\n' \"$a\"; done; echo ----; } >> " + calls,
            "if [ -e " + dir.resolve("no-credentials") + " ]; then",
            "  echo >&2",
            "  echo 'Unable to locate credentials. You can configure credentials by running"
                + " \"aws configure\".' >&2",
            "  exit 255",
            "fi",
            "case \"$1 $2\" in",
            "  'sns create-topic') printf '{\\n    \"TopicArn\": \"" + TOPIC + "\"\\n}\\n' ;;",
            "  'sns subscribe') printf '{\\n    \"SubscriptionArn\": \"pending confirmation\"\\n}\\n' ;;",
            "  'cloudwatch put-metric-alarm'|'cloudwatch delete-alarms'|'cloudwatch put-metric-data') ;;",
            "  *) echo \"aws: error: argument operation: Invalid choice: $2\" >&2; exit 252 ;;",
            "esac",
            ""));
    Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
    env = Map.of("PATH", bin + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    Path metrics = sandbox.path("/etc/watchdog-menu/metrics.yaml");
    Files.createDirectories(metrics.getParent());
    Files.writeString(
        metrics, "cloudwatch:\n  mode: cli\n  namespace: Watchdog/Test\n  region: eu-west-1\n");
    sandbox.target(
        "web",
        String.join(
            "\n",
            "id: web",
            "service: {kind: command, restart: [\"/bin/true\"]}",
            "probes:",
            "  - {type: tcp-connect, host: 127.0.0.1, port: " + Sandbox.freePort() + "}",
            "policy: {retries: 1, grace: 1s, cooldown: 1s}",
            ""));
  }

  /** Every aws call so far, each as its argv without the program. */
  private List<List<String>> awsCalls() throws IOException {
    List<List<String>> all = new ArrayList<>();
    if (!Files.exists(calls)) {
      return all;
    }
    List<String> current = new ArrayList<>();
    for (String line : Files.readAllLines(calls)) {
      if (line.equals("----")) {
        all.add(current);
        current = new ArrayList<>();
      } else {
        current.add(line);
      }
    }
    return all;
  }

  private static String after(List<String> argv, String option) {
    return argv.get(argv.indexOf(option) + 1);
  }

  @Test
  void theAlarmsWatchWhatACheckPublishesAndNotifyTheTopicCreateTopicAnswered() throws Exception {
    Jar.Run check = Jar.run(sandbox.root, env, "check", "web");
    assertThat(check.exit()).as(check.out() + check.err()).isIn(1, 2);
    List<List<String>> published = awsCalls();
    assertThat(published)
        .isNotEmpty()
        .allSatisfy(
            c -> assertThat(c.subList(0, 2)).containsExactly("cloudwatch", "put-metric-data"));

    Jar.Run dry =
        Jar.run(
            sandbox.root,
            env,
            "alarms",
            "--email",
            "ops@example.com",
            "--host",
            "web1",
            "--dry-run");
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("--targets web\n").endsWith("Dry run: nothing was changed.\n");
    assertThat(awsCalls()).isEqualTo(published);

    Jar.Run run =
        Jar.run(
            sandbox.root, env, "alarms", "--email", "ops@example.com", "--host", "web1", "--yes");

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .endsWith(
            "\nTopic "
                + TOPIC
                + "\nSubscribed ops@example.com: AWS has sent it a link to confirm; no alarm"
                + " reaches it before\n"
                + "Alarm set: watchdog-menu-web1-web-service-down\n"
                + "Alarm set: watchdog-menu-web1-web-failed-checks\n"
                + "Alarm set: watchdog-menu-web1-web-frequent-restarts\n");
    List<List<String>> alarms = awsCalls().subList(published.size(), awsCalls().size());
    assertThat(alarms).hasSize(5);
    assertThat(alarms.get(0))
        .containsExactly(
            "sns",
            "create-topic",
            "--region",
            "eu-west-1",
            "--name",
            "watchdog-menu-alarms",
            "--output",
            "json");
    assertThat(alarms.get(1))
        .containsExactly(
            "sns",
            "subscribe",
            "--region",
            "eu-west-1",
            "--topic-arn",
            TOPIC,
            "--protocol",
            "email",
            "--notification-endpoint",
            "ops@example.com",
            "--output",
            "json");

    // what the check sent: namespace, and each metric with its dimensions
    List<String> sentNamespaces =
        published.stream().map(c -> after(c, "--namespace")).distinct().toList();
    String sentData =
        String.join("\n", published.stream().map(c -> after(c, "--metric-data")).toList());
    for (List<String> put : alarms.subList(2, 5)) {
      assertThat(put.subList(0, 4))
          .containsExactly("cloudwatch", "put-metric-alarm", "--region", "eu-west-1");
      assertThat(sentNamespaces).containsExactly(after(put, "--namespace"));
      String metric = after(put, "--metric-name");
      assertThat(put.get(put.indexOf("--dimensions") + 1)).isEqualTo("Name=Target,Value=web");
      assertThat(sentData)
          .contains(
              "{\"MetricName\":\""
                  + metric
                  + "\",\"Dimensions\":[{\"Name\":\"Target\",\"Value\":\"web\"}]");
      assertThat(after(put, "--alarm-actions")).isEqualTo(TOPIC);
      assertThat(after(put, "--ok-actions")).isEqualTo(TOPIC);
    }
    assertThat(alarms.subList(2, 5).stream().map(c -> after(c, "--metric-name")))
        .containsExactly("ServiceStatus", "HealthCheckFailures", "ServiceRestarts");
  }

  @Test
  void withoutCredentialsItStopsAtTheFirstCallInOneLine() throws Exception {
    Files.createFile(dir.resolve("no-credentials"));

    Jar.Run run =
        Jar.run(
            sandbox.root,
            env,
            "alarms",
            "--email",
            "ops@example.com",
            "--host",
            "web1",
            "--targets",
            "web",
            "--yes");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .endsWith(
            "\nStopped at command 1 of 5: aws found no AWS credentials: give this instance an IAM"
                + " role, or run 'sudo aws configure'\n");
    assertThat(awsCalls()).hasSize(1);
  }

  @Test
  void removeDeletesTheAlarmsOfTheTarget() throws Exception {
    Jar.Run run =
        Jar.run(
            sandbox.root, env, "alarms", "--remove", "--host", "web1", "--targets", "web", "--yes");

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(awsCalls())
        .containsExactly(
            List.of(
                "cloudwatch",
                "delete-alarms",
                "--region",
                "eu-west-1",
                "--alarm-names",
                "watchdog-menu-web1-web-service-down",
                "watchdog-menu-web1-web-failed-checks",
                "watchdog-menu-web1-web-frequent-restarts"));
  }
}
