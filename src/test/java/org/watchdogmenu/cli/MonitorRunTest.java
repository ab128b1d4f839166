package org.watchdogmenu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What the monitor's unit runs ({@code monitor}) reads its arguments without picocli, and leaves
 * anything else (named targets, help, an unknown option) to it. That both ways run the same monitor
 * is shown by the jar's monitor tests, which start it both ways.
 */
class MonitorRunTest {
  @Test
  void readsThePlainFormOnly() {
    assertThat(MonitorRun.parse("monitor")).hasValue(Path.of("/"));
    assertThat(MonitorRun.parse("--root", "/r", "monitor", "--no-color")).hasValue(Path.of("/r"));
    assertThat(MonitorRun.parse("monitor", "--root=/r", "--ascii")).hasValue(Path.of("/r"));
  }

  @Test
  void leavesEverythingElseToPicocli() {
    assertThat(MonitorRun.parse()).isEmpty();
    assertThat(MonitorRun.parse("monitor", "web")).isEmpty();
    assertThat(MonitorRun.parse("monitor", "--help")).isEmpty();
    assertThat(MonitorRun.parse("monitor", "-h")).isEmpty();
    assertThat(MonitorRun.parse("monitor", "monitor")).isEmpty();
    assertThat(MonitorRun.parse("monitor", "--root")).isEmpty();
    assertThat(MonitorRun.parse("monitor", "--root", "/a", "--root", "/b")).isEmpty();
    assertThat(MonitorRun.parse("monitor", "--interval", "5")).isEmpty();
    assertThat(MonitorRun.parse("check", "web")).isEmpty();
    assertThat(MonitorRun.parse("help", "monitor")).isEmpty();
    assertThat(MonitorRun.parse("@args")).isEmpty();
  }
}
