package org.watchdogmenu.monitor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.watchdogmenu.os.AtomicFile;
import org.watchdogmenu.os.HostRoot;

/**
 * The monitor's sign of life: {@value #FILE} holds its pid and the time of its last beat, written
 * atomically every {@link #PERIOD}. {@code status} reads it to say whether the monitor runs.
 */
public final class Heartbeat {
  /** The file, under the host root. */
  public static final String FILE = "/var/lib/watchdog-menu/monitor.heartbeat";

  /** How often the monitor beats. */
  public static final Duration PERIOD = Duration.ofSeconds(10);

  /** A beat older than this means the monitor is gone or hung. */
  public static final Duration STALE = PERIOD.multipliedBy(3);

  /** What the file says: who beat, and when. */
  public record Beat(long pid, Instant at) {
    /** The process still exists and beat recently. */
    public boolean alive(Instant now) {
      return !at.plus(STALE).isBefore(now) && ProcessHandle.of(pid).isPresent();
    }
  }

  private final Path file;

  Heartbeat(HostRoot root) {
    this.file = root.resolve(FILE);
  }

  void beat(long pid, Instant at) throws IOException {
    Files.createDirectories(file.getParent());
    AtomicFile.write(
        file,
        ("pid=" + pid + "\ntime=" + at + "\n").getBytes(StandardCharsets.UTF_8),
        PosixFilePermissions.fromString("rw-r--r--"),
        AtomicFile.Durability.UNSYNCED); // every few seconds: the next beat replaces it
  }

  /** Removes the file when the monitor stops, so nobody mistakes it for a live one. */
  void clear() throws IOException {
    Files.deleteIfExists(file);
  }

  /** The last beat on this host; empty when there is none or the file is unreadable. */
  public static Optional<Beat> read(HostRoot root) {
    try {
      long pid = -1;
      Instant at = null;
      for (String line : Files.readAllLines(root.resolve(FILE))) {
        if (line.startsWith("pid=")) {
          pid = Long.parseLong(line.substring(4).trim());
        } else if (line.startsWith("time=")) {
          at = Instant.parse(line.substring(5).trim());
        }
      }
      return pid > 0 && at != null ? Optional.of(new Beat(pid, at)) : Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | NumberFormatException | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
