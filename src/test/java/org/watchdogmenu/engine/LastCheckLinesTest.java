package org.watchdogmenu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines of a target's last check, read from the end of its health log for the menu. */
class LastCheckLinesTest {
  @TempDir Path dir;

  @Test
  void fromTheLastStartLineOfThatTargetToTheNextStart() throws IOException {
    Path log = dir.resolve("health.log");
    Files.writeString(
        log,
        "[2026-12-01T11:00:00Z] === Health Check Start: web ===\n"
            + "[2026-12-01T11:00:00Z] === Health Check PASSED: Service is healthy ===\n"
            + "[2026-12-01T11:05:00Z] === Health Check Start: web ===\n"
            + "[2026-12-01T11:05:00Z] Health check FAIL: \u001b[31mred\n"
            + "[2026-12-01T11:05:01Z] === Health Check Start: web-2 ===\n");
    assertThat(LogFiles.lastCheck(log, "web"))
        .containsExactly(
            "[2026-12-01T11:05:00Z] === Health Check Start: web ===",
            "[2026-12-01T11:05:00Z] Health check FAIL: \\x1b[31mred");
    assertThat(LogFiles.lastCheck(log, "other")).isEmpty();
  }

  @Test
  void noLogNoLines() throws IOException {
    assertThat(LogFiles.lastCheck(dir.resolve("missing.log"), "web")).isEmpty();
  }
}
