package org.watchdogmenu.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version and build date Maven wrote into {@code version.properties}. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"watchdog-menu " + version()};
  }

  static String version() {
    return properties().getProperty("version", "unknown");
  }

  /**
   * The build's date, {@code 2026-01-01}: the day of the reproducible build's time stamp (ISO 8601
   * or seconds since 1970), or {@code 1970-01-01} when there is none.
   */
  static String date() {
    String stamp = properties().getProperty("date", "").strip();
    if (stamp.matches("\\d+")) {
      return Instant.ofEpochSecond(Long.parseLong(stamp))
          .atOffset(ZoneOffset.UTC)
          .toLocalDate()
          .toString();
    }
    return stamp.matches("\\d{4}-\\d{2}-\\d{2}.*") ? stamp.substring(0, 10) : "1970-01-01";
  }

  private static Properties properties() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
