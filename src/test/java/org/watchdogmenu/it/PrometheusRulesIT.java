package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus rules and examples in contrib/prometheus, judged by the real promtool and amtool
 * (Debian's prometheus and prometheus-alertmanager), and run on the textfile the real jar writes.
 */
class PrometheusRulesIT {
  private static final Path CONTRIB = Path.of("contrib/prometheus").toAbsolutePath();
  private static final Path RULES = CONTRIB.resolve("watchdog-menu.rules.yml");

  @TempDir Path dir;

  /** What a tool printed and returned. */
  record Result(int exit, String output) {}

  @Test
  void theRulesTheirUnitTestsAndTheExamplesPassPromtoolAndAmtool() throws Exception {
    Result check = run(CONTRIB, "promtool", "check", "rules", RULES.toString());
    assertThat(check.exit()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: 8 rules found");

    Result tests = run(CONTRIB, "promtool", "test", "rules", "watchdog-menu.rules.test.yml");
    assertThat(tests.exit()).as(tests.output()).isZero();
    assertThat(tests.output()).contains("SUCCESS");

    Result config = run(CONTRIB, "promtool", "check", "config", "prometheus.example.yml");
    assertThat(config.exit()).as(config.output()).isZero();

    Result am = run(CONTRIB, "amtool", "check-config", "alertmanager.example.yml");
    assertThat(am.exit()).as(am.output()).isZero();
  }

  @Test
  void theRulesFireOnTheTextfileTheJarWrites() throws Exception {
    Sandbox sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
    int closed = Sandbox.freePort();
    sandbox.target(
        "flaky",
        String.join(
            "\n",
            "id: flaky",
            "service: {kind: command, restart: [\"/bin/true\"]}",
            "probes:",
            "  - {type: tcp-connect, host: 127.0.0.1, port: " + closed + "}",
            "policy: {retries: 1, grace: 1s, cooldown: 1s, max_restarts: 1}",
            ""));
    try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      sandbox.target(
          "steady",
          "id: steady\nservice: {kind: command, restart: [\"/bin/true\"]}\nprobes:\n"
              + "  - {type: tcp-connect, host: 127.0.0.1, port: "
              + open.getLocalPort()
              + "}\n");
      for (int i = 0; i < 2; i++) {
        Jar.Run run = Jar.run(sandbox.root, "check", "flaky");
        assertThat(run.exit()).as(run.out() + run.err()).isIn(1, 2);
        Thread.sleep(1100);
      }
      Jar.Run run = Jar.run(sandbox.root, "check", "steady");
      assertThat(run.exit()).as(run.out() + run.err()).isZero();
    }
    Path textfile = sandbox.path("/var/lib/watchdog-menu/metrics/watchdog-menu.prom");
    String prom = Files.readString(textfile, StandardCharsets.UTF_8);

    Result lint = run(dir, textfile, "promtool", "check", "metrics");
    assertThat(lint.exit()).as(lint.output()).isZero();
    for (String name : metricNames(Files.readString(RULES))) {
      if (name.equals("watchdog_monitor_heartbeat_timestamp_seconds")) {
        continue; // the monitor's own textfile (PauseThroughJarIT)
      }
      assertThat(prom)
          .as("the textfile holds every series the rules use")
          .contains("# TYPE " + name + " ");
    }

    Path test = dir.resolve("from-the-jar.test.yml");
    Files.writeString(test, unitTest(prom));
    Result fired = run(dir, "promtool", "test", "rules", test.toString());
    assertThat(fired.exit())
        .as(prom + "\n" + Files.readString(test) + "\n" + fired.output())
        .isZero();
  }

  /**
   * A promtool unit test whose input is the textfile as node_exporter would expose it (each sample
   * held for 30 minutes), and which expects exactly the alerts a down target at its restart limit
   * fires: nothing for the healthy one.
   */
  private static String unitTest(String prom) {
    List<String> series = new ArrayList<>();
    for (String line : prom.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      String name =
          line.substring(0, space).replaceFirst("\\{", "{instance=\"web-01:9100\",job=\"node\",");
      series.add(
          "      - series: '"
              + name
              + "'\n        values: '"
              + line.substring(space + 1)
              + "x30'\n");
    }
    return "rule_files: ['"
        + RULES
        + "']\nevaluation_interval: 1m\ntests:\n  - interval: 1m\n    input_series:\n"
        + String.join("", series)
        + "    promql_expr_test:\n"
        + "      - expr: 'count by (alertname, target, severity) (ALERTS{alertstate=\"firing\"})'\n"
        + "        eval_time: 10m\n"
        + "        exp_samples:\n"
        + "          - labels: '{alertname=\"WatchdogTargetDown\", severity=\"critical\", target=\"flaky\"}'\n"
        + "            value: 1\n"
        + "          - labels: '{alertname=\"WatchdogRestartLimitReached\", severity=\"critical\","
        + " target=\"flaky\"}'\n"
        + "            value: 1\n";
  }

  private static TreeSet<String> metricNames(String rules) {
    TreeSet<String> names = new TreeSet<>();
    Matcher m = Pattern.compile("\\bwatchdog_[a-z_]+").matcher(rules);
    while (m.find()) {
      names.add(m.group());
    }
    assertThat(names).isNotEmpty();
    return names;
  }

  private static Result run(Path cwd, String program, String... args)
      throws IOException, InterruptedException {
    return run(cwd, Path.of("/dev/null"), program, args);
  }

  private static Result run(Path cwd, Path stdin, String program, String... args)
      throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of(Tools.require(program)));
    argv.addAll(List.of(args));
    Process p =
        new ProcessBuilder(argv)
            .directory(cwd.toFile())
            .redirectInput(stdin.toFile())
            .redirectErrorStream(true)
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(program + " did not finish in 60s");
    }
    return new Result(
        p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
