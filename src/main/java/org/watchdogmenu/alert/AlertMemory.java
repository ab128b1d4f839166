package org.watchdogmenu.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.watchdogmenu.os.AtomicFile;

/**
 * What was alerted for one target, kept between runs (cron starts a new process every time) in
 * {@code /var/lib/watchdog-menu/alerts/TARGET.json}: when each kind was last sent, when any alert
 * was last sent, since when the target is known to be down, and which channels missed the last
 * recovery (they are owed it: Alertmanager keeps an alert firing until it hears of the recovery).
 */
final class AlertMemory {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Long> sent;
  private Long lastSent;
  private Long downSince;
  private final Set<String> owed;

  private AlertMemory(Map<String, Long> sent, Long lastSent, Long downSince, Set<String> owed) {
    this.sent = new TreeMap<>(sent == null ? Map.of() : sent);
    this.lastSent = lastSent;
    this.downSince = downSince;
    this.owed = new TreeSet<>(owed == null ? Set.of() : owed);
  }

  static AlertMemory empty() {
    return new AlertMemory(Map.of(), null, null, null);
  }

  /**
   * The memory in {@code file}; empty when there is none yet.
   *
   * @throws IOException when the file exists but cannot be read or is not this tool's JSON
   */
  static AlertMemory load(Path file) throws IOException {
    try {
      Stored s = JSON.readValue(Files.readAllBytes(file), Stored.class);
      return new AlertMemory(s.sent(), s.lastSent(), s.downSince(), s.owed());
    } catch (NoSuchFileException e) {
      return empty();
    }
  }

  void save(Path file) throws IOException {
    AtomicFile.write(
        file,
        JSON.writeValueAsBytes(new Stored(sent, lastSent, downSince, owed.isEmpty() ? null : owed)),
        PosixFilePermissions.fromString("rw-------"));
  }

  Instant lastSent(AlertKind kind) {
    Long at = sent.get(kind.key());
    return at == null ? null : Instant.ofEpochSecond(at);
  }

  Instant lastSentAny() {
    return lastSent == null ? null : Instant.ofEpochSecond(lastSent);
  }

  Instant downSince() {
    return downSince == null ? null : Instant.ofEpochSecond(downSince);
  }

  /** Remembers an alert that reached at least one channel. */
  void recordSent(AlertKind kind, Instant at, boolean reminder) {
    long epoch = at.getEpochSecond();
    lastSent = epoch;
    if (reminder) {
      return;
    }
    sent.put(kind.key(), epoch);
    if (kind.failure()) {
      owed.clear();
      if (downSince == null) {
        downSince = epoch;
      }
    } else if (kind == AlertKind.RECOVERED) {
      downSince = null;
    }
  }

  /** The channels that missed the last recovery, by name. */
  Set<String> owed() {
    return Set.copyOf(owed);
  }

  /** Remembers channels that did not take a recovery the others took. */
  void owe(Collection<String> channels) {
    owed.addAll(channels);
  }

  /** Forgets what is owed to these channels: they took it, or they are gone. */
  void paid(Collection<String> channels) {
    owed.removeAll(channels);
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private record Stored(Map<String, Long> sent, Long lastSent, Long downSince, Set<String> owed) {}
}
