package org.watchdogmenu.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A pid file another account may control (a service's {@code /run/app.pid}, pm2's {@code
 * ~/.pm2/pm2.pid}), read as root: through {@link SafeRead#untrusted} (a regular file, no link
 * followed, no FIFO, at most {@link #CAP} bytes), and holding one positive whole number, else it is
 * refused in one line that does not repeat what the file holds.
 */
public final class PidFile {
  /**
   * How much later than its pid file's time a process may seem to have started and still be the one
   * the file names. A process's start is measured from boot, a file's time by the wall clock when
   * it was written: an adjustment of the clock since (NTP over a long-running daemon's life) moves
   * one against the other by seconds. A pid reused after its service died is, in practice, minutes
   * or days younger than the stale file.
   */
  public static final java.time.Duration SLACK = java.time.Duration.ofMinutes(1);

  /** A pid and a newline fit many times over. */
  public static final int CAP = 64;

  /** The largest pid Linux hands out ({@code PID_MAX_LIMIT} on 64-bit machines). */
  public static final long PID_MAX = 4_194_304;

  /**
   * What the file holds and says of itself.
   *
   * @param stat the file as it was found ({@code lstat}): owner and mode
   * @param written its modification time: when the pid was written
   */
  public record Read(long pid, FileStat stat, Instant written) {}

  /** The file holds something other than a pid. */
  public static final class NotAPid extends IOException {
    private static final long serialVersionUID = 1L;

    NotAPid(String message) {
      super(message);
    }
  }

  private PidFile() {}

  /**
   * Reads the pid in {@code file}.
   *
   * @throws NoSuchFileException when there is no such file
   * @throws UnsafePathException when it is a link, a FIFO, a device or larger than {@link #CAP}
   * @throws NotAPid when it holds anything but one positive whole number up to {@link #PID_MAX}
   */
  public static Read read(Path file) throws IOException {
    FileStat stat = SafeRead.regular(file);
    if (stat.size() > CAP) {
      throw new UnsafePathException(
          "refusing pid file " + file + ": it is larger than " + CAP + " bytes");
    }
    byte[] bytes = SafeRead.untrusted(file, CAP);
    Instant written =
        java.nio.file.Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
    String text = new String(bytes, StandardCharsets.US_ASCII).strip();
    long pid = text.matches("[0-9]{1,7}") ? Long.parseLong(text) : -1;
    if (pid < 1 || pid > PID_MAX) {
      throw new NotAPid(
          "refusing pid file "
              + file
              + ": it holds no pid ("
              + bytes.length
              + " byte"
              + (bytes.length == 1 ? "" : "s")
              + " that are not one whole number from 1 to "
              + PID_MAX
              + ")");
    }
    return new Read(pid, stat, written);
  }

  /**
   * The refusal of an {@link IOException} from {@link #read} as one line: the tool's own words for
   * a refusal, else what went wrong without the exception's class or trace.
   */
  public static String words(Path file, IOException e) {
    if (e instanceof UnsafePathException || e instanceof NotAPid) {
      return e.getMessage();
    }
    if (e instanceof java.nio.file.FileSystemException fs) {
      return "cannot read pid file "
          + file
          + ": "
          + (fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName());
    }
    return "cannot read pid file " + file + ": " + e.getMessage();
  }
}
