package org.watchdogmenu.engine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.watchdogmenu.os.ControlChars;
import org.watchdogmenu.os.LogFile;
import org.watchdogmenu.os.UserFiles;

/**
 * Writes the engine's log lines, {@code [2025-02-14T10:30:00Z] message}, to a target's log file and
 * echoes them to the command's output. Operators grep these lines, so the messages keep the tunnel
 * scripts' guide's phrases. A log file that cannot be written is reported once and the run goes on.
 *
 * <p>The file is opened (and its trust checked) at the first line and kept open until {@link
 * #close}, so a run's lines cost one open, not one each; the logs are rotated with {@code
 * copytruncate}, so an open file never misses a rotation. A line after {@code close} opens it
 * again.
 */
public final class EngineLog implements AutoCloseable {
  private final Path file;
  private final PrintWriter echo;
  private final Clock clock;
  private final UserFiles userFiles;
  private boolean fileFailed;
  private FileChannel open;

  /**
   * @param file where lines are appended, or null to only echo them (dry runs)
   */
  public EngineLog(Path file, PrintWriter echo, Clock clock) {
    this(file, echo, clock, null);
  }

  /**
   * @param userFiles makes a missing log in a service account's folder as that account (null: such
   *     a log is reported missing instead)
   */
  public EngineLog(Path file, PrintWriter echo, Clock clock, UserFiles userFiles) {
    this.file = file;
    this.echo = echo;
    this.clock = clock;
    this.userFiles = userFiles;
  }

  public static String stamp(Instant at) {
    return "[" + at.truncatedTo(ChronoUnit.SECONDS) + "]";
  }

  public synchronized void line(String message) {
    String text = stamp(clock.instant()) + " " + ControlChars.escape(message);
    echo.println(text);
    echo.flush();
    if (file == null || fileFailed) {
      return;
    }
    try {
      if (open == null) {
        open = LogFile.openAppend(file, userFiles);
      }
      ByteBuffer bytes = ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        open.write(bytes);
      }
    } catch (IOException e) {
      close();
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

  /** Closes the log file if a line opened it. */
  @Override
  public synchronized void close() {
    if (open != null) {
      try {
        open.close();
      } catch (IOException e) {
        // what was written is written
      }
      open = null;
    }
  }
}
