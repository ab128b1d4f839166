package org.watchdogmenu.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes (as cron runs and the monitor are) alerting the same event at the same moment
 * send it once: the memory file is decided and written under its lock.
 */
class AlertMemoryIT {
  @TempDir Path root;

  @Test
  void fourProcessesAtOnceSendOneAlert() throws Exception {
    try (Receiver hook = new Receiver().slow(1500)) { // sends overlap unless the lock serialises
      AlertFiles.write(
          root, "channels:\n  - type: webhook\n    url: " + hook.url("/") + "\n", "rw-------");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<Process> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(
            new ProcessBuilder(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    SendOnce.class.getName(),
                    root.toString(),
                    "2025-02-14T10:30:00Z")
                .redirectErrorStream(true)
                .start());
      }
      List<String> statuses = new ArrayList<>();
      for (Process p : runs) {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        statuses.add(out);
      }

      assertThat(statuses).containsOnly("SENT", "SUPPRESSED");
      assertThat(statuses).filteredOn("SENT"::equals).hasSize(1);
      assertThat(hook.requests()).hasSize(1);
    }
  }
}
