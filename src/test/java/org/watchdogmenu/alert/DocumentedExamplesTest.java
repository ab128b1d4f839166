package org.watchdogmenu.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.metrics.Metrics;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

/** The examples in docs/ALERTS-AND-METRICS.md are files the tool accepts. */
class DocumentedExamplesTest {
  private static final Path DOC = Path.of("docs/ALERTS-AND-METRICS.md");

  @TempDir Path root;

  private static List<String> yamlBlocks() throws Exception {
    return yamlBlocks(DOC);
  }

  private static List<String> yamlBlocks(Path doc) throws Exception {
    Matcher m =
        Pattern.compile("( *)```yaml\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(doc));
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      String indent = m.group(1);
      blocks.add(m.group(2).replaceAll("(?m)^" + indent, ""));
    }
    return blocks;
  }

  @Test
  void theAlertsExampleLoads() throws Exception {
    AlertFiles.write(root, yamlBlocks().get(0), "rw-------");

    assertThat(AlertsFile.read(new HostRoot(root)).channels())
        .extracting(ChannelSpec::name)
        .containsExactly(
            "slack hooks.slack.com",
            "pager",
            "command /bin/sh",
            "command /usr/bin/logger",
            "command /usr/local/bin/notify-chat",
            "am");
  }

  @Test
  void theFleetGuidesChannelLoadsAndItsPrometheusExampleIsTheShippedOne() throws Exception {
    List<String> blocks = yamlBlocks(Path.of("docs/FLEET.md"));
    AlertFiles.write(root, blocks.get(1), "rw-------");
    assertThat(AlertsFile.read(new HostRoot(root)).channels())
        .singleElement()
        .isInstanceOf(ChannelSpec.Alertmanager.class);
    String shipped = Files.readString(Path.of("contrib/prometheus/prometheus.example.yml"));
    assertThat(shipped.replaceAll("(?m)^#.*\n", "")).isEqualTo(blocks.get(2));
  }

  @Test
  void theMetricsExampleLoads() throws Exception {
    Path file = root.resolve("etc/watchdog-menu/metrics.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, yamlBlocks().get(1));

    assertThat(
            Metrics.load(
                TestHosts.scripted(
                    root, new ScriptedCommandRunner(), MutableClock.at("2025-02-14T10:30:00Z"))))
        .isNotNull();
  }
}
