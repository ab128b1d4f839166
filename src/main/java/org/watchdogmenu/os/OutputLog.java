package org.watchdogmenu.os;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The log file a command's output is appended to ({@link Command#appendOutputTo}), opened the way
 * {@link LogFile} opens every log root appends to (never through a link, only the regular file the
 * path names, nothing created in another account's folder: the engine's own log line before a
 * restart has made it). The child gets {@code /proc/self/fd/N} of this very file, which the JVM
 * reopens with {@code O_APPEND} before it forks, so nothing is looked up by name again.
 */
final class OutputLog implements AutoCloseable {
  private final FileChannel channel;
  private final Path forChild;
  private final long start;

  private OutputLog(FileChannel channel, Path forChild, long start) {
    this.channel = channel;
    this.forChild = forChild;
    this.start = start;
  }

  /** The log, opened, or why it cannot be used. */
  sealed interface Opening permits Opened, Refused {}

  record Opened(OutputLog log) implements Opening {}

  record Refused(String why) implements Opening {}

  /** {@code /proc/self/fd/N} of the open log, for {@code ProcessBuilder.Redirect.appendTo}. */
  Path forChild() {
    return forChild;
  }

  /** The last {@code cap} bytes appended since it was opened, as text. */
  String appended(int cap) {
    // the channel appends; reading goes through /proc/self/fd/N, the same open file
    try (FileChannel reader = FileChannel.open(forChild, StandardOpenOption.READ)) {
      long end = reader.size();
      long from = Math.max(start, end - cap);
      if (end <= from) {
        return "";
      }
      ByteBuffer buf = ByteBuffer.allocate((int) (end - from));
      while (buf.hasRemaining()) {
        if (reader.read(buf, from + buf.position()) < 0) {
          break;
        }
      }
      return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing was written through this channel
    }
  }

  static Opening open(Path file) {
    try {
      // the engine's own log line before a restart has made the file, in an account's folder too
      FileChannel ch = LogFile.openAppend(file.toAbsolutePath().normalize(), null);
      return new Opened(new OutputLog(ch, OpenFiles.procPath(ch).orElseThrow(), ch.size()));
    } catch (IOException | RuntimeException e) {
      return new Refused(e.getMessage());
    }
  }
}
