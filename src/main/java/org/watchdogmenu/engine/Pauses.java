package org.watchdogmenu.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.watchdogmenu.os.AtomicFile;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.SafeRead;
import org.watchdogmenu.os.UnsafePathException;

/**
 * The maintenance pauses of a host, one file per target in {@value #DIR} (root's folder, like the
 * rest of the state): {@code until=EPOCH}, {@code since=EPOCH} and {@code reason=TEXT} lines. The
 * end is a wall-clock time, so a pause ends by itself after a reboot or a forgotten {@code resume};
 * a file past its end is ignored and removed at the next check or restart of its target. A pause
 * file is read with {@link SafeRead#owned}: one that is a link, another account's, or writable by
 * others is refused, and restarts and alerts go on.
 */
public final class Pauses {
  /** The folder, under the host root. */
  public static final String DIR = "/var/lib/watchdog-menu/paused";

  private static final int CAP = 4096;

  private final HostRoot root;

  public Pauses(HostRoot root) {
    this.root = root;
  }

  /**
   * The pause file of a target as it is, ended or not; empty when there is none.
   *
   * @throws UnsafePathException when it is one root must not trust (a link, another account's)
   * @throws IOException when it cannot be read or is not a pause file
   */
  public Optional<Pause> read(String targetId) throws IOException {
    Path file = file(targetId);
    String text;
    try {
      text = new String(SafeRead.owned(file, CAP, "pause file"), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    Long until = null;
    Long since = null;
    String reason = "";
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("until=")) {
        until = number(line.substring(6), file);
      } else if (line.startsWith("since=")) {
        since = number(line.substring(6), file);
      } else if (line.startsWith("reason=")) {
        reason = line.substring(7);
      }
    }
    if (until == null) {
      throw new IOException(file + " is not a pause file (no until= line): delete it");
    }
    Instant end = Instant.ofEpochSecond(until);
    return Optional.of(new Pause(since == null ? end : Instant.ofEpochSecond(since), end, reason));
  }

  /** The pause that holds at {@code now}, without changing anything (for status and the menu). */
  public Optional<Pause> holding(String targetId, Instant now) {
    try {
      return read(targetId).filter(p -> p.holdsAt(now));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The pause that holds at {@code now}, for a run that may restart or alert: a pause past its end
   * is removed (its end is logged), a file root must not trust is refused in one line and ignored.
   */
  public Optional<Pause> inForce(String targetId, Instant now, Consumer<String> log) {
    Optional<Pause> pause;
    try {
      pause = read(targetId);
    } catch (IOException e) {
      log.accept(
          "WARNING: "
              + (e instanceof UnsafePathException ? "" : "cannot read pause file: ")
              + e.getMessage()
              + "; restarts and alerts go on");
      return Optional.empty();
    }
    if (pause.isPresent() && !pause.get().holdsAt(now)) {
      try {
        Files.deleteIfExists(file(targetId));
        log.accept(
            "Pause ended at "
                + pause.get().until()
                + reasonWords(pause.get())
                + ": restarts and alerts are back on");
      } catch (IOException e) {
        // a run without root's rights: the ended pause is ignored all the same
      }
      return Optional.empty();
    }
    return pause;
  }

  /** Starts (or replaces) the pause of a target. */
  public void start(String targetId, Pause pause) throws IOException {
    AtomicFile.write(
        file(targetId),
        "until="
            + pause.until().getEpochSecond()
            + "\nsince="
            + pause.since().getEpochSecond()
            + "\nreason="
            + pause.reason()
            + "\n",
        PosixFilePermissions.fromString("rw-r--r--"));
  }

  /**
   * Ends the pause of a target now.
   *
   * @return the pause that held at {@code now}, or empty when there was none (an ended or
   *     unreadable file is removed all the same)
   */
  public Optional<Pause> end(String targetId, Instant now) throws IOException {
    Optional<Pause> was = holding(targetId, now);
    // the name is removed whatever it is: removing a link never follows it
    Files.deleteIfExists(file(targetId));
    return was;
  }

  private Path file(String targetId) {
    return root.resolve(DIR + "/" + targetId);
  }

  static String reasonWords(Pause p) {
    return p.reason().isEmpty() ? "" : " (" + p.reason() + ")";
  }

  private static long number(String text, Path file) throws IOException {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IOException(file + " is not a pause file ('" + text.trim() + "'): delete it");
    }
  }
}
