package org.watchdogmenu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's log lines go to the one file opened (and checked) at its first line, until the run closes
 * its log: a name swapped in the meantime does not get them; the next run opens the name again.
 */
class EngineLogTest {
  @TempDir Path dir;
  private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void aRunsLinesGoToTheFileItOpenedAndTheNextRunOpensTheNameAgain() throws Exception {
    Path log = dir.resolve("web-health.log");
    Path moved = dir.resolve("web-health.log.1");
    StringWriter echo = new StringWriter();
    try (EngineLog run = new EngineLog(log, new PrintWriter(echo), clock)) {
      run.line("=== Health Check Start: web ===");
      Files.move(log, moved);
      Files.writeString(log, "");
      run.line("=== Health Check PASSED: Service is healthy ===");
    }
    assertThat(Files.readString(moved))
        .isEqualTo(
            "[2026-01-01T00:00:00Z] === Health Check Start: web ===\n"
                + "[2026-01-01T00:00:00Z] === Health Check PASSED: Service is healthy ===\n");
    assertThat(log).isEmptyFile();

    try (EngineLog next = new EngineLog(log, new PrintWriter(echo), clock)) {
      next.line("=== Health Check Start: web ===");
    }
    assertThat(Files.readString(log))
        .isEqualTo("[2026-01-01T00:00:00Z] === Health Check Start: web ===\n");
    assertThat(echo.toString().lines()).hasSize(3);
  }

  @Test
  void aLineAfterCloseOpensTheFileAgain() throws Exception {
    Path log = dir.resolve("web-cron.log");
    EngineLog run = new EngineLog(log, new PrintWriter(new StringWriter()), clock);
    run.line("one");
    run.close();
    run.line("two");
    run.close();
    run.close();
    assertThat(Files.readAllLines(log))
        .containsExactly("[2026-01-01T00:00:00Z] one", "[2026-01-01T00:00:00Z] two");
  }
}
