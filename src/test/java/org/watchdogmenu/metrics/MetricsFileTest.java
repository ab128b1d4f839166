package org.watchdogmenu.metrics;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

class MetricsFileTest {
  @TempDir Path root;

  private void load(String yaml) throws Exception {
    MetricsFiles.write(root, yaml);
    Metrics.load(
        TestHosts.scripted(
            root, new ScriptedCommandRunner(), MutableClock.at("2025-02-14T10:30:00Z")));
  }

  private String file() {
    return new HostRoot(root).resolve(Metrics.FILE).toString();
  }

  @Test
  void anUnknownKeyNamesFileLineAndKey() {
    assertThatThrownBy(() -> load("cloudwatch:\n  mode: emf\n  namespce: PM2/CodeBox\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            file()
                + " line 3: unknown key 'namespce' in cloudwatch (the keys here are aws, log, mode,"
                + " namespace, namespaces, region, timeout)");
  }

  @Test
  void aZeroTimeoutNamesItsKeyAndLine() {
    assertThatThrownBy(() -> load("cloudwatch:\n  mode: cli\n  timeout: 0s\n"))
        .hasMessage(file() + " line 3: 'cloudwatch.timeout' must be longer than 0, e.g. 10s");
  }

  @Test
  void anUnknownModeNamesItsLine() {
    assertThatThrownBy(() -> load("prometheus:\n  enabled: true\ncloudwatch:\n  mode: sdk\n"))
        .hasMessage(file() + " line 4: 'cloudwatch.mode' must be one of [cli, emf], not 'sdk'");
  }

  @Test
  void aTextfileNodeExporterWouldIgnoreIsRefused() {
    assertThatThrownBy(() -> load("prometheus:\n  textfile: /var/lib/node/watchdog.txt\n"))
        .hasMessage(
            file()
                + " line 2: 'prometheus.textfile' must be an absolute path ending in .prom (node_exporter reads only *.prom), not '/var/lib/node/watchdog.txt'");
  }
}
