package org.watchdogmenu.model;

import java.time.Duration;
import java.util.Optional;

/**
 * An interval a cron line can run at: every 1 to 59 minutes ({@code *}{@code /N} in the minute
 * field) or every 1 to 24 whole hours (on the full hour; 24 is once a day). The one rule for the
 * intervals the menus offer and the schedules {@code enable --health/--restart} writes: what it
 * refuses, neither the menu nor cron can offer.
 *
 * @param count how many minutes or hours
 * @param unit minutes or hours
 */
public record CronInterval(int count, Unit unit) {
  /** The longest interval in minutes; longer ones are written in hours. */
  public static final int MAX_MINUTES = 59;

  /** The longest interval in hours: once a day. */
  public static final int MAX_HOURS = 24;

  /** What is allowed, in the words an error message ends with. */
  public static final String ALLOWED = "1 to 59 minutes (5m) or 1 to 24 whole hours (2h)";

  /** Minutes or hours. */
  public enum Unit {
    MINUTES,
    HOURS
  }

  /**
   * @throws IllegalArgumentException when the count is outside the unit's range
   */
  public CronInterval {
    if (unit == null) {
      throw new IllegalArgumentException("an interval needs a unit, minutes or hours");
    }
    int max = unit == Unit.MINUTES ? MAX_MINUTES : MAX_HOURS;
    if (count < 1 || count > max) {
      throw new IllegalArgumentException(
          "every " + count + " " + unit.name().toLowerCase() + ": write " + ALLOWED);
    }
  }

  /**
   * The interval a duration stands for: whole hours up to a day are hours ({@code 60m} is {@code
   * 1h}), whole minutes below an hour are minutes; anything else (seconds, {@code 90m}, {@code 2d})
   * is empty.
   */
  public static Optional<CronInterval> of(Duration every) {
    if (every == null || every.isNegative() || every.isZero()) {
      return Optional.empty();
    }
    if (!every.equals(Duration.ofMinutes(every.toMinutes()))) {
      return Optional.empty();
    }
    long minutes = every.toMinutes();
    if (minutes % 60 == 0 && minutes / 60 <= MAX_HOURS) {
      return Optional.of(new CronInterval((int) (minutes / 60), Unit.HOURS));
    }
    if (minutes <= MAX_MINUTES) {
      return Optional.of(new CronInterval((int) minutes, Unit.MINUTES));
    }
    return Optional.empty();
  }

  /** The interval as a duration, e.g. {@code PT2H}. */
  public Duration duration() {
    return unit == Unit.MINUTES ? Duration.ofMinutes(count) : Duration.ofHours(count);
  }

  /** As written in a menu file or on the command line: {@code 5m}, {@code 2h}. */
  public String text() {
    return count + (unit == Unit.MINUTES ? "m" : "h");
  }
}
