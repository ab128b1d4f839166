package org.watchdogmenu.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints the durations people write in target files: {@code 500ms}, {@code 5s}, {@code
 * 2m}, {@code 1h}, {@code 1d}.
 */
public final class Durations {
  private static final Pattern TEXT = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  private Durations() {}

  /**
   * @throws IllegalArgumentException with a message that says what is accepted
   */
  public static Duration parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    Matcher m = TEXT.matcher(trimmed);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a duration: write a whole number and a unit, e.g. 500ms, 5s, 2m, 1h, 1d");
    }
    long amount = Long.parseLong(m.group(1));
    switch (m.group(2)) {
      case "ms":
        return Duration.ofMillis(amount);
      case "s":
        return Duration.ofSeconds(amount);
      case "m":
        return Duration.ofMinutes(amount);
      case "h":
        return Duration.ofHours(amount);
      default:
        return Duration.ofDays(amount);
    }
  }

  /** The shortest exact text for a duration, the inverse of {@link #parse}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000L == 0 && ms != 0) {
      return ms / 86_400_000L + "d";
    }
    if (ms % 3_600_000L == 0 && ms != 0) {
      return ms / 3_600_000L + "h";
    }
    if (ms % 60_000L == 0 && ms != 0) {
      return ms / 60_000L + "m";
    }
    if (ms % 1000L == 0) {
      return ms / 1000L + "s";
    }
    return ms + "ms";
  }

  /** Words for people: {@code 1 hour}, {@code 5 minutes}, {@code 30 seconds}. */
  public static String words(Duration d) {
    long s = d.getSeconds();
    if (s >= 86_400 && s % 86_400 == 0) {
      return plural(s / 86_400, "day");
    }
    if (s >= 3600 && s % 3600 == 0) {
      return plural(s / 3600, "hour");
    }
    if (s >= 60 && s % 60 == 0) {
      return plural(s / 60, "minute");
    }
    return plural(s, "second");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
