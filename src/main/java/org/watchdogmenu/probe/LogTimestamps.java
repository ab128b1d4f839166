package org.watchdogmenu.probe;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time at the start of a log line: ISO-8601 ({@code 2025-02-14T10:30:00Z}, optionally in
 * brackets, with a space instead of {@code T}, with fractions and an offset such as {@code +0000}
 * or {@code +01:00}) and syslog ({@code Feb 14 10:30:00}). A time without an offset is in {@code
 * zone}; a syslog time, which has no year, is in the year that puts it at most a day ahead of now.
 */
final class LogTimestamps {
  private static final Pattern ISO =
      Pattern.compile(
          "^\\[?(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}:\\d{2})(\\.\\d{1,9})?"
              + "\\s?(Z|[+-]\\d{2}:?\\d{2})?");
  private static final Pattern SYSLOG =
      Pattern.compile("^\\[?([A-Z][a-z]{2}) {1,2}(\\d{1,2}) (\\d{2}:\\d{2}:\\d{2})");
  private static final DateTimeFormatter MONTH_DAY =
      new DateTimeFormatterBuilder()
          .appendPattern("MMM d")
          .parseDefaulting(ChronoField.YEAR, 2000)
          .toFormatter(Locale.ROOT);

  private final ZoneId zone;
  private final Instant now;

  LogTimestamps(ZoneId zone, Instant now) {
    this.zone = zone;
    this.now = now;
  }

  Optional<Instant> parse(String line) {
    try {
      Matcher iso = ISO.matcher(line);
      if (iso.find()) {
        return Optional.of(iso(iso));
      }
      Matcher sys = SYSLOG.matcher(line);
      if (sys.find()) {
        return Optional.of(syslog(sys));
      }
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private Instant iso(Matcher m) {
    String local = m.group(1) + "T" + m.group(2) + (m.group(3) == null ? "" : m.group(3));
    String offset = m.group(4);
    if (offset == null) {
      return LocalDateTime.parse(local).atZone(zone).toInstant();
    }
    if (!offset.equals("Z") && !offset.contains(":")) {
      offset = offset.substring(0, 3) + ":" + offset.substring(3);
    }
    return OffsetDateTime.parse(local + offset).toInstant();
  }

  private Instant syslog(Matcher m) {
    MonthDay day = MonthDay.from(MONTH_DAY.parse(m.group(1) + " " + m.group(2)));
    int year = now.atZone(zone).getYear();
    Instant t = atYear(day, year, m.group(3));
    if (t.isAfter(now.plusSeconds(86_400))) {
      t = atYear(day, year - 1, m.group(3));
    }
    return t;
  }

  private Instant atYear(MonthDay day, int year, String time) {
    return LocalDateTime.parse(day.atYear(year) + "T" + time).atZone(zone).toInstant();
  }
}
