package org.watchdogmenu.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.watchdogmenu.os.AtomicFile;
import org.watchdogmenu.os.LockFile;

/**
 * One textfile for all targets, for node_exporter's textfile collector. Every update is a
 * read-modify-write under a lock: load the kept series ({@code STATE}, JSON), change the targets
 * updated, save them, and render the whole {@code .prom} file atomically. So several cron runs and
 * the monitor at once never lose each other's targets, and counters survive between runs. A run
 * changes only its own targets' series; series of targets that are no longer on the host are
 * dropped at that rewrite. A file whose content would not change is not written again.
 */
final class PrometheusTextfile {
  private static final Duration LOCK_WAIT = Duration.ofSeconds(10);

  private final Path state;
  private final Path textfile;

  PrometheusTextfile(Path state, Path textfile) {
    this.state = state;
    this.textfile = textfile;
  }

  /** The state file, which names this textfile's series store (for batching by file). */
  Path state() {
    return state;
  }

  /** The textfile. */
  Path textfile() {
    return textfile;
  }

  /**
   * Applies {@code change} to one target's series and rewrites the textfile.
   *
   * @param current whether a target id is still on the host; the series of the others are dropped
   * @throws IOException when the lock, the state or the textfile cannot be used
   */
  void update(String target, UnaryOperator<TargetSeries> change, Predicate<String> current)
      throws IOException {
    update(Map.of(target, List.of(change)), current);
  }

  /**
   * Applies each target's changes, in order, in one read-modify-write.
   *
   * @param current whether a target id is still on the host; the series of the others (not changed
   *     here) are dropped
   */
  void update(Map<String, List<UnaryOperator<TargetSeries>>> changes, Predicate<String> current)
      throws IOException {
    Path lock = state.resolveSibling(state.getFileName() + ".lock");
    Optional<LockFile.Held> held = LockFile.acquire(lock, LOCK_WAIT, Clock.systemUTC());
    if (held.isEmpty()) {
      throw new IOException(lock + " stayed locked for " + LOCK_WAIT.toSeconds() + "s");
    }
    try {
      Optional<byte[]> before = read(state);
      Map<String, TargetSeries> all = load(before);
      changes.forEach(
          (target, steps) -> {
            TargetSeries s = all.getOrDefault(target, TargetSeries.NEW);
            for (UnaryOperator<TargetSeries> step : steps) {
              s = step.apply(s);
            }
            all.put(target, s);
          });
      all.keySet().removeIf(id -> !changes.containsKey(id) && !current.test(id));
      writeIfChanged(
          state,
          before,
          SeriesJson.write(all).getBytes(StandardCharsets.UTF_8),
          AtomicFile.Durability.SYNCED);
      // the textfile is made again from the state at every write: it needs no sync of its own
      writeIfChanged(
          textfile,
          read(textfile),
          PrometheusText.render(all).getBytes(StandardCharsets.UTF_8),
          AtomicFile.Durability.UNSYNCED);
    } finally {
      held.get().close();
    }
  }

  private static void writeIfChanged(
      Path file, Optional<byte[]> before, byte[] after, AtomicFile.Durability durability)
      throws IOException {
    if (before.isEmpty() || !Arrays.equals(before.get(), after)) {
      AtomicFile.write(file, after, PosixFilePermissions.fromString("rw-r--r--"), durability);
    }
  }

  /** The file's bytes; empty when it is not there (or not a regular file, to be replaced). */
  private static Optional<byte[]> read(Path file) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private Map<String, TargetSeries> load(Optional<byte[]> bytes) throws IOException {
    if (bytes.isEmpty()) {
      return new TreeMap<>();
    }
    try {
      return SeriesJson.read(new String(bytes.get(), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      throw new IOException(
          state
              + " is not readable metrics state ("
              + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
              + "): delete it to start the counters afresh",
          e);
    }
  }
}
