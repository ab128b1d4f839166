package org.watchdogmenu.tui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as a person reads them at the console: local clock times ({@code 14:03:12}, or {@code Nov
 * 30 14:03} on another day) and ages ({@code 35s ago}, {@code 2m ago}).
 */
final class TimeWords {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT);

  /** A clock skew this small counts as now, not as the future. */
  private static final Duration SKEW = Duration.ofSeconds(5);

  private final ZoneId zone;
  private final Instant now;

  TimeWords(ZoneId zone, Instant now) {
    this.zone = zone;
    this.now = now;
  }

  Instant now() {
    return now;
  }

  /** {@code 35s ago}, {@code 2m ago}, {@code just now}, {@code in the future}. */
  String ago(Instant then) {
    Duration d = Duration.between(then, now);
    if (d.isNegative()) {
      return d.negated().compareTo(SKEW) <= 0 ? "just now" : "in the future";
    }
    return span(d) + " ago";
  }

  /** How long from {@code then} to now: {@code 3h}. */
  String span(Instant then) {
    return span(Duration.between(then, now));
  }

  /** {@code in 12m}, or {@code now} when it is past. */
  String in(Instant later) {
    Duration d = Duration.between(now, later);
    return d.isNegative() || d.isZero() ? "now" : "in " + span(d);
  }

  /** The local time of day, with the day when it is not today: {@code Nov 30 14:03}. */
  String local(Instant at) {
    ZonedDateTime t = at.atZone(zone);
    boolean today = t.toLocalDate().equals(now.atZone(zone).toLocalDate());
    return (today ? TIME : DAY).format(t);
  }

  /** A duration rounded down for people: {@code 35s}, {@code 2m}, {@code 5h}, {@code 3d}. */
  static String span(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 120) {
      return s + "s";
    }
    if (s < 7200) {
      return s / 60 + "m";
    }
    if (s < 172_800) {
      return s / 3600 + "h";
    }
    return s / 86_400 + "d";
  }
}
