package org.watchdogmenu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alarms} on a throwaway root: the plan first, nothing run without --yes, one line for bad
 * input. The exact aws commands are in metrics/CloudWatchAlarmsTest, the real jar with a scripted
 * aws in it/CloudWatchAlarmsIT.
 */
class AlarmsCommandTest {
  private static final String MISSING_AWS = "/nonexistent/bin/aws";

  @TempDir Path root;

  private record Run(int exit, String out, String err) {}

  @BeforeEach
  void setUp() throws IOException {
    file(
        "/etc/watchdog-menu/targets/good.yaml",
        "id: good\nservice: {kind: command, restart: [\"/bin/true\"]}\n");
    file(
        "/etc/watchdog-menu/targets/other.yaml",
        "id: other\nservice: {kind: command, restart: [\"/bin/true\"]}\n");
    file(
        "/etc/watchdog-menu/metrics.yaml",
        "cloudwatch:\n  mode: cli\n  aws: " + MISSING_AWS + "\n  region: us-east-1\n");
  }

  private void file(String hostPath, String text) throws IOException {
    Path file = root.resolve(hostPath.substring(1));
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> argv = new ArrayList<>(List.of("--root", root.toString(), "alarms"));
    argv.addAll(List.of(args));
    int exit =
        WatchdogMenuCommand.run(
            new PrintWriter(out, true), new PrintWriter(err, true), argv.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void dryRunShowsTheAwsCommandsAndRunsNone() {
    Run r = run("--email", "ops@example.com", "--host", "web1", "--targets", "good", "--dry-run");

    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .startsWith(
            "Plan: watchdog-menu alarms --email ops@example.com --host web1 --targets good\n")
        .contains(
            "  " + MISSING_AWS + " sns create-topic --region us-east-1 --name watchdog-menu-alarms")
        .contains("--alarm-name watchdog-menu-web1-good-frequent-restarts")
        .endsWith("Dry run: nothing was changed.\n")
        .doesNotContain("Stopped at");
  }

  @Test
  void withoutYesThePlanIsShownAndNotRun() {
    Run r = run("--email", "ops@example.com", "--host", "web1", "--targets", "good");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("watchdog-menu-web1-good-service-down")
        .doesNotContain("Stopped at");
    assertThat(r.err())
        .isEqualTo(
            "Not applied: these commands create or replace alarms and an SNS subscription in"
                + " your AWS account (CloudWatch bills each alarm per month). Run again with --yes"
                + " if that is what you want.\n");
  }

  @Test
  void withYesTheCommandsRunAndAFailureIsOneLine() {
    Run r = run("--email", "ops@example.com", "--host", "web1", "--targets", "good", "--yes");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .endsWith(
            "\nStopped at command 1 of 5: "
                + MISSING_AWS
                + " does not exist: apt-get install awscli, or set cloudwatch.aws in"
                + " /etc/watchdog-menu/metrics.yaml to its path\n");
  }

  @Test
  void withoutTargetsTheAlarmsAreThoseOfTheTargetsCheckedOnThisHost() throws IOException {
    file(
        "/var/lib/watchdog-menu/last/other.json",
        "{\"at\":1739529000,\"outcome\":\"OK\",\"summary\":\"ok\"}");

    Run r = run("--email", "ops@example.com", "--host", "web1", "--dry-run");

    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("--targets other\n")
        .contains("watchdog-menu-web1-other-service-down")
        .doesNotContain("watchdog-menu-web1-good-");
  }

  @Test
  void badInputIsOneLineAndExit2() throws IOException {
    Run none = run("--email", "ops@example.com", "--dry-run");
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err())
        .contains("no target has been checked on this host yet: name them with --targets ID")
        .hasLineCount(1);

    Run unknown = run("--email", "ops@example.com", "--targets", "nope", "--dry-run");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("nope").hasLineCount(1);

    Run noEmail = run("--targets", "good", "--dry-run");
    assertThat(noEmail.exit()).isEqualTo(2);
    assertThat(noEmail.err())
        .isEqualTo(
            "no one to notify: give --email ADDRESS (the topic watchdog-menu-alarms is created),"
                + " or --sns-topic ARN of a topic you have\n");

    file("/etc/watchdog-menu/metrics.yaml", "prometheus:\n  enabled: true\n");
    Run off = run("--email", "ops@example.com", "--targets", "good", "--dry-run");
    assertThat(off.exit()).isEqualTo(2);
    assertThat(off.out()).isEmpty();
    assertThat(off.err())
        .isEqualTo(
            "CloudWatch is off: add a cloudwatch section to /etc/watchdog-menu/metrics.yaml"
                + " first, so that checks publish the metrics the alarms watch\n");
  }
}
