package org.watchdogmenu.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.watchdogmenu.os.SafeRead;

/**
 * The lines of a log file written inside a time window. Only the last {@value #TAIL_BYTES} bytes
 * are read. Each line is dated by the timestamp at its start; a line without one (a stack trace, a
 * continuation) belongs to the timestamped line above it, and lines above the first timestamp of
 * the tail are left out (they are older than it). A file with no timestamps at all is dated by its
 * modification time: its whole tail counts if it was modified inside the window, else nothing.
 */
final class LogFileScan {
  static final int TAIL_BYTES = 1 << 20;

  private LogFileScan() {}

  static List<String> linesSince(Path file, Instant windowStart, Instant now, ZoneId zone)
      throws IOException {
    List<String> lines = tail(file);
    LogTimestamps stamps = new LogTimestamps(zone, now);
    List<String> inside = new ArrayList<>();
    boolean anyStamp = false;
    boolean current = false;
    for (String line : lines) {
      Optional<Instant> at = stamps.parse(line);
      if (at.isPresent()) {
        anyStamp = true;
        current = !at.get().isBefore(windowStart);
      }
      if (current) {
        inside.add(line);
      }
    }
    if (anyStamp) {
      return inside;
    }
    Instant modified = Files.getLastModifiedTime(file).toInstant();
    return modified.isBefore(windowStart) ? List.of() : lines;
  }

  private static List<String> tail(Path file) throws IOException {
    // a service's own log: never through a link (another account's file), never a FIFO
    byte[] bytes = SafeRead.tail(file, TAIL_BYTES);
    long from = Files.size(file) > bytes.length ? 1 : 0;
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(text.lines().toList());
    if (from > 0 && !lines.isEmpty()) {
      lines.remove(0);
    }
    return lines;
  }
}
