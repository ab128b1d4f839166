package org.watchdogmenu.engine;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.watchdogmenu.model.RecordedSource;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.AtomicFile;
import org.watchdogmenu.os.ControlChars;
import org.watchdogmenu.os.FileStat;
import org.watchdogmenu.os.FolderTrust;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.SafeRead;
import org.watchdogmenu.os.UnsafePathException;

/**
 * The restarts of one target inside the rolling window, kept in the tunnel scripts' guide's state
 * file: one line per restart, {@code EPOCH SOURCE} (e.g. {@code 1739515200 health}; a source word
 * this version does not know is kept: {@link RecordedSource}). Shared by health checks, scheduled
 * restarts and manual restarts, so all of them count against one limit.
 */
public final class RestartHistory {
  private final List<Entry> entries;
  private final boolean changedOnLoad;

  /**
   * One recorded restart.
   *
   * @param source who it was by: a {@link RestartSource}, or a word this version does not know,
   *     which counts all the same and is written back unchanged
   */
  public record Entry(Instant at, RecordedSource source) {
    String line() {
      return at.getEpochSecond() + " " + source.word();
    }
  }

  private RestartHistory(List<Entry> entries, boolean changedOnLoad) {
    this.entries = entries;
    this.changedOnLoad = changedOnLoad;
  }

  /**
   * Reads the file (missing means empty) and keeps the restarts of the last {@code window}. Lines
   * that do not parse are skipped with a warning. A timestamp in the future (the clock was set
   * back) is taken as "now", so it never blocks restarts for longer than one window once the file
   * is saved again.
   */
  public static RestartHistory load(Path file, Instant now, Duration window, Consumer<String> warn)
      throws IOException {
    List<String> lines;
    try {
      lines = readLines(file);
    } catch (NoSuchFileException e) {
      return new RestartHistory(new ArrayList<>(), false);
    } catch (java.nio.charset.CharacterCodingException e) {
      warn.accept("State file " + file + " is not text; starting with an empty restart history");
      return new RestartHistory(new ArrayList<>(), true);
    }
    List<Entry> kept = new ArrayList<>();
    boolean changed = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      Optional<Entry> parsed = parse(line);
      if (parsed.isEmpty()) {
        warn.accept(
            "Ignoring unreadable line " + (i + 1) + " of " + file + ": '" + abbreviate(line) + "'");
        changed = true;
        continue;
      }
      Entry e = parsed.get();
      if (e.at().isAfter(now)) {
        warn.accept(
            "Restart at " + e.at() + " in " + file + " lies in the future; counting it as now");
        e = new Entry(now, e.source());
        changed = true;
      }
      if (Duration.between(e.at(), now).compareTo(window) < 0) {
        kept.add(e);
      } else {
        changed = true;
      }
    }
    return new RestartHistory(kept, changed);
  }

  /**
   * The target's history as it stands, for readers that decide nothing (status, probes, metrics):
   * unreadable lines are skipped silently, and an unreadable file counts as empty.
   */
  static RestartHistory current(Host host, Target target) {
    try {
      return load(
          host.root().resolve(target.paths().state()),
          host.clock().instant(),
          target.policy().window(),
          warning -> {});
    } catch (IOException e) {
      return new RestartHistory(new ArrayList<>(), false);
    }
  }

  /** The most a state file may hold: thousands of lines, far more than any window keeps. */
  private static final int CAP = 256 * 1024;

  /**
   * The state file's lines, read only when nobody but root could have made or changed it: a regular
   * file owned by root (or the account running) with one link and no group or world write, in a
   * folder only root can change or a sticky shared folder such as {@code /var/tmp}. Never through a
   * link, never a FIFO (which would hang the run while it holds the lock).
   *
   * @throws UnsafePathException naming the file and what is wrong with it
   */
  private static List<String> readLines(Path file) throws IOException {
    FolderTrust.Verdict folder = FolderTrust.of(file.toAbsolutePath().getParent());
    if (!(folder instanceof FolderTrust.Trusted || folder instanceof FolderTrust.Sticky)) {
      throw new UnsafePathException(
          "refusing state file "
              + file
              + ": "
              + folder.words()
              + "; keep the restart history in a folder only root can write");
    }
    FileStat s = SafeRead.regular(file);
    SafeRead.requireOwned(file, s, "state file");
    if (s.links() != 1) {
      throw new UnsafePathException(
          "refusing state file "
              + file
              + ": it has "
              + s.links()
              + " hard links, so it may be another file's name; remove it (watchdog-menu writes a new one)");
    }
    byte[] bytes = SafeRead.untrusted(file, CAP);
    String text =
        java.nio.charset.StandardCharsets.UTF_8
            .newDecoder()
            .decode(java.nio.ByteBuffer.wrap(bytes))
            .toString();
    return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
  }

  private static Optional<Entry> parse(String line) {
    String[] parts = line.split("\\s+");
    if (parts.length != 2 || !parts[0].matches("\\d{1,12}") || !parts[1].matches("[a-z]{1,16}")) {
      return Optional.empty();
    }
    return Optional.of(
        new Entry(
            Instant.ofEpochSecond(Long.parseLong(parts[0])), RecordedSource.ofWord(parts[1])));
  }

  private static String abbreviate(String line) {
    String shown = line.length() > 60 ? line.substring(0, 60) + "..." : line;
    return ControlChars.escape(shown);
  }

  public int count() {
    return entries.size();
  }

  public Optional<Entry> last() {
    return entries.stream().max((a, b) -> a.at().compareTo(b.at()));
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  /**
   * Whether loading dropped or rewrote lines, so the file should be saved even without a restart.
   */
  public boolean changedOnLoad() {
    return changedOnLoad;
  }

  public void record(Instant at, RestartSource source) {
    entries.add(new Entry(at, source));
  }

  /** Writes the history atomically: temp file in the same folder, fsync, rename. */
  public void save(Path file) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Entry e : entries) {
      sb.append(e.line()).append('\n');
    }
    AtomicFile.write(file, sb.toString(), PosixFilePermissions.fromString("rw-r--r--"));
  }
}
