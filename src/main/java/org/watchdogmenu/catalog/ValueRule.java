package org.watchdogmenu.catalog;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.watchdogmenu.model.DataSize;
import org.watchdogmenu.model.Durations;

/**
 * The catalog's checks of single values, for a form that checks each value as it is typed, with the
 * words the catalog uses when it reads the file (without its file and line). Empty text passes:
 * whether a value is needed is a question for the whole file.
 */
public enum ValueRule {
  /** Any text that is safe in cron lines and sudoers. */
  TEXT,
  /** A duration longer than 0: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d}. */
  DURATION,
  /**
   * A duration that may be 0: {@code 0s}, {@code 500ms}, {@code 5s} (the retry delay and the grace
   * period, where 0 means at once and none).
   */
  DURATION_OR_ZERO,
  /** A size larger than 0: {@code 512M}, {@code 1G}. */
  SIZE,
  /** A whole number, at least 1. */
  COUNT,
  /** A TCP port, 1 to 65535. */
  PORT,
  /** A percentage, 1 to 100. */
  PERCENT,
  /** An http:// or https:// address with a host. */
  URL,
  /** HOST:PORT. */
  HOST_PORT,
  /** A user name. */
  USER,
  /** A systemd unit name. */
  UNIT,
  /** An absolute path without {@code ..}. */
  PATH;

  private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");

  /**
   * What is wrong with text as the value of a key (e.g. {@code probes.1.port}, named {@code
   * probes[1].port} as the catalog names it); empty when it will do (empty text always does: the
   * model's default applies).
   */
  public Optional<String> problem(String key, String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    String at = KeyPath.parse(key).toString();
    Checks c = new Checks(new SourceMap("", Map.of()));
    try {
      switch (this) {
        case TEXT -> c.safe(at, t);
        case DURATION -> c.positive(at, duration(at, t));
        case DURATION_OR_ZERO -> c.notNegative(at, duration(at, t));
        case SIZE -> c.positive(at, size(at, t));
        case COUNT -> c.atLeastOne(at, whole(at, t));
        case PORT -> c.port(at, whole(at, t));
        case PERCENT -> c.range(at, whole(at, t), 1, 100);
        case URL -> c.url(at, t, "give the address");
        case HOST_PORT -> c.proxy(at, t);
        case USER -> c.user(at, t);
        case UNIT -> c.unit(at, t);
        case PATH -> c.absolute(at, t);
      }
      return Optional.empty();
    } catch (CatalogException e) {
      return Optional.of(e.reason());
    }
  }

  private static Duration duration(String key, String text) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw wrong(key, StrictMapping.DURATION, text);
    }
  }

  private static DataSize size(String key, String text) {
    try {
      return DataSize.parse(text);
    } catch (IllegalArgumentException e) {
      throw wrong(key, StrictMapping.SIZE, text);
    }
  }

  private static int whole(String key, String text) {
    if (!WHOLE.matcher(text).matches()) {
      throw wrong(key, StrictMapping.WHOLE, text);
    }
    return Integer.parseInt(text);
  }

  private static CatalogException wrong(String key, String words, String text) {
    return new CatalogException("'" + key + "' " + words + ", not '" + text + "'");
  }
}
