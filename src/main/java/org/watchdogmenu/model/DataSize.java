package org.watchdogmenu.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A number of bytes written as {@code 512M}, {@code 1G}, {@code 300K} or a plain byte count. */
public record DataSize(long bytes) {
  private static final Pattern TEXT =
      Pattern.compile("(\\d{1,12})([KMGT]?)B?", Pattern.CASE_INSENSITIVE);

  public DataSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("a size cannot be negative");
    }
  }

  public static DataSize parse(String text) {
    Matcher m = TEXT.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a size: write e.g. 512M, 1G or 300K");
    }
    long n = Long.parseLong(m.group(1));
    int shift =
        " KMGT".indexOf(m.group(2).isEmpty() ? ' ' : m.group(2).toUpperCase(Locale.ROOT).charAt(0))
            * 10;
    return new DataSize(n << shift);
  }

  @Override
  public String toString() {
    for (String unit : new String[] {"T", "G", "M", "K"}) {
      int shift = "  KMGT".indexOf(unit) * 10 - 10;
      if (bytes != 0 && bytes % (1L << shift) == 0) {
        return (bytes >> shift) + unit;
      }
    }
    return Long.toString(bytes);
  }
}
