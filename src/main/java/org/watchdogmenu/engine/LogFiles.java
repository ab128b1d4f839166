package org.watchdogmenu.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.watchdogmenu.os.ControlChars;
import org.watchdogmenu.os.SafeRead;
import org.watchdogmenu.os.UnsafePathException;

/** Reads the end of a log file, and follows it as it grows (surviving rotation). */
public final class LogFiles {
  private static final int MAX_TAIL_BYTES = 4 * 1024 * 1024;

  private LogFiles() {}

  /**
   * The last {@code n} lines of the file (reading at most its last 4 MB, never through a link or
   * from a FIFO), control characters shown as {@code \\xNN} so a log cannot drive the terminal.
   */
  public static List<String> tail(Path file, int n) throws IOException {
    byte[] bytes = SafeRead.tail(file, MAX_TAIL_BYTES);
    long from = Files.size(file) > bytes.length ? 1 : 0;
    String text = new String(bytes, StandardCharsets.UTF_8);
    Deque<String> last = new ArrayDeque<>();
    String[] lines = text.split("\n", -1);
    int end = lines.length;
    if (end > 0 && lines[end - 1].isEmpty()) {
      end--;
    }
    int start = from > 0 ? 1 : 0;
    for (int i = Math.max(start, end - n); i < end; i++) {
      last.add(ControlChars.escape(lines[i]));
    }
    return new ArrayList<>(last);
  }

  /** How much of a health log's end {@link #lastCheck} reads. */
  private static final int LAST_CHECK_BYTES = 64 * 1024;

  /**
   * The lines of the last health check of {@code targetId} in its health log: from its last {@code
   * === Health Check Start: ID ===} line to the next check's start or the end of the last 64 KiB
   * (never through a link or from a FIFO, control characters escaped); empty when the log does not
   * exist or holds no check.
   */
  public static List<String> lastCheck(Path healthLog, String targetId) throws IOException {
    if (!Files.exists(healthLog, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    byte[] bytes = SafeRead.tail(healthLog, LAST_CHECK_BYTES);
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    String start = "=== Health Check Start: " + targetId + " ===";
    int from = -1;
    for (int i = lines.length - 1; i >= 0; i--) {
      if (lines[i].endsWith(start)) {
        from = i;
        break;
      }
    }
    if (from < 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = from; i < lines.length; i++) {
      if ((i == lines.length - 1 && lines[i].isEmpty())
          || (i > from && lines[i].contains("=== Health Check Start: "))) {
        break;
      }
      out.add(ControlChars.escape(lines[i]));
    }
    return out;
  }

  /**
   * Prints lines appended to the file from its current end on, polling every {@code pollMillis},
   * until {@code stop} says so. A file that shrinks or is replaced (logrotate) is read from its
   * start.
   */
  public static void follow(Path file, long pollMillis, Consumer<String> sink, BooleanSupplier stop)
      throws IOException, InterruptedException {
    long offset = Files.exists(file) ? Files.size(file) : 0;
    Optional<Object> key = fileKey(file);
    StringBuilder partial = new StringBuilder();
    while (!stop.getAsBoolean()) {
      try {
        Optional<Object> nowKey = fileKey(file);
        long size = Files.size(file);
        boolean replaced = key.isPresent() && nowKey.isPresent() && !key.equals(nowKey);
        if (size < offset || replaced) {
          offset = 0;
        }
        if (nowKey.isPresent()) {
          key = nowKey;
        }
        if (size > offset) {
          byte[] bytes = SafeRead.tail(file, (int) Math.min(size - offset, MAX_TAIL_BYTES));
          offset += bytes.length;
          partial.append(new String(bytes, StandardCharsets.UTF_8));
          int nl;
          while ((nl = partial.indexOf("\n")) >= 0) {
            sink.accept(ControlChars.escape(partial.substring(0, nl)));
            partial.delete(0, nl + 1);
          }
        }
      } catch (NoSuchFileException | UnsafePathException.Replaced e) {
        // a rotation between two steps of this poll: look again at the next one
      }
      Thread.sleep(pollMillis);
    }
  }

  /** What identifies the file behind the name (its inode), empty when it cannot be told. */
  private static Optional<Object> fileKey(Path file) {
    try {
      return Optional.ofNullable(
          Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
