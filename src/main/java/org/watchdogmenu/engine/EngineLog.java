package org.watchdogmenu.engine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes the engine's log lines, {@code [2025-02-14T10:30:00Z] message}, to a target's log file and
 * echoes them to the command's output. Operators grep these lines, so the messages keep seed 003's
 * phrases. A log file that cannot be written is reported once and the run goes on.
 */
public final class EngineLog {
  private final Path file;
  private final PrintWriter echo;
  private final Clock clock;
  private boolean fileFailed;

  /**
   * @param file where lines are appended, or null to only echo them (dry runs)
   */
  public EngineLog(Path file, PrintWriter echo, Clock clock) {
    this.file = file;
    this.echo = echo;
    this.clock = clock;
  }

  public static String stamp(Instant at) {
    return "[" + at.truncatedTo(ChronoUnit.SECONDS) + "]";
  }

  public synchronized void line(String message) {
    String text = stamp(clock.instant()) + " " + message;
    echo.println(text);
    echo.flush();
    if (file == null || fileFailed) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          text + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      fileFailed = true;
      echo.println(
          stamp(clock.instant())
              + " WARNING: cannot write log file "
              + file
              + ": "
              + e.getMessage());
      echo.flush();
    }
  }
}
