package org.watchdogmenu.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The start time a status command may print as its last line: ISO-8601 with a zone ({@code
 * 2026-12-01T16:20:00Z}, {@code date -u +%FT%TZ}, docker's {@code StartedAt}) or epoch seconds
 * ({@code date +%s}). Anything else is no start time.
 */
final class StartTime {
  private StartTime() {}

  static Optional<Instant> printed(String stdout) {
    if (stdout == null) {
      return Optional.empty();
    }
    List<String> lines = stdout.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    String last = lines.get(lines.size() - 1);
    if (last.matches("[0-9]{9,11}")) {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(last)));
    }
    try {
      return Optional.of(OffsetDateTime.parse(last).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
