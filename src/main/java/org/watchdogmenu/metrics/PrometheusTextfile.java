package org.watchdogmenu.metrics;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.watchdogmenu.os.AtomicFile;
import org.watchdogmenu.os.LockFile;

/**
 * One textfile for all targets, for node_exporter's textfile collector. Every update is a
 * read-modify-write under a lock: load the kept series ({@code STATE}, JSON), change one target,
 * save them, and render the whole {@code .prom} file atomically. So several cron runs at once never
 * lose each other's targets, and counters survive between runs. Series of targets that are no
 * longer on the host are dropped at that rewrite.
 */
final class PrometheusTextfile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<TreeMap<String, TargetSeries>> SERIES =
      new TypeReference<>() {};
  private static final Duration LOCK_WAIT = Duration.ofSeconds(10);

  private final Path state;
  private final Path textfile;

  PrometheusTextfile(Path state, Path textfile) {
    this.state = state;
    this.textfile = textfile;
  }

  /**
   * Applies {@code change} to one target's series and rewrites the textfile.
   *
   * @param current whether a target id is still on the host; the series of the others are dropped
   * @throws IOException when the lock, the state or the textfile cannot be used
   */
  void update(String target, UnaryOperator<TargetSeries> change, Predicate<String> current)
      throws IOException {
    Path lock = state.resolveSibling(state.getFileName() + ".lock");
    Optional<LockFile.Held> held = LockFile.acquire(lock, LOCK_WAIT, Clock.systemUTC());
    if (held.isEmpty()) {
      throw new IOException(lock + " stayed locked for " + LOCK_WAIT.toSeconds() + "s");
    }
    try {
      Map<String, TargetSeries> all = load();
      all.put(target, change.apply(all.getOrDefault(target, TargetSeries.NEW)));
      all.keySet().removeIf(id -> !id.equals(target) && !current.test(id));
      AtomicFile.write(
          state, JSON.writeValueAsBytes(all), PosixFilePermissions.fromString("rw-r--r--"));
      AtomicFile.write(
          textfile, PrometheusText.render(all), PosixFilePermissions.fromString("rw-r--r--"));
    } finally {
      held.get().close();
    }
  }

  private Map<String, TargetSeries> load() throws IOException {
    try {
      return JSON.readValue(Files.readAllBytes(state), SERIES);
    } catch (NoSuchFileException e) {
      return new TreeMap<>();
    } catch (IOException e) {
      throw new IOException(
          state
              + " is not readable metrics state ("
              + e.getMessage().lines().findFirst().orElse("")
              + "): delete it to start the counters afresh",
          e);
    }
  }
}
