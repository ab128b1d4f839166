package org.watchdogmenu.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.watchdogmenu.model.DataSize;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.Users;

/**
 * The checks of single values, each throwing a one-line {@link CatalogException} that names the key
 * and points at the file and line that set it.
 */
final class Checks {
  private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9@._:-]+");
  private static final List<String> UNSAFE = List.of("\n", "\r", ";", "&", "|", "`", "$(");

  private final SourceMap lines;

  Checks(SourceMap lines) {
    this.lines = lines;
  }

  void url(String at, String url, String why) {
    require(at, url, why);
    String scheme;
    String host;
    try {
      URI uri = new URI(url);
      scheme = uri.getScheme();
      host = uri.getHost();
    } catch (URISyntaxException e) {
      scheme = null;
      host = null;
    }
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || host == null) {
      fail(at, "must be an http:// or https:// address with a host, not '" + url + "'");
    }
    safe(at, url);
  }

  void proxy(String at, String proxy) {
    int colon = proxy.lastIndexOf(':');
    Integer port = null;
    try {
      port = colon < 1 ? null : Integer.valueOf(proxy.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = null;
    }
    if (port == null || port < 1 || port > 65535) {
      fail(
          at,
          "must be HOST:PORT with a port from 1 to 65535, e.g. 127.0.0.1:1080, not '"
              + proxy
              + "'");
    }
    safe(at, proxy);
  }

  void regex(String at, String regex) {
    if (regex == null) {
      return;
    }
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      fail(
          at,
          "is not a valid regular expression: "
              + e.getDescription()
              + " near index "
              + e.getIndex());
    }
  }

  void port(String at, Integer port) {
    require(at, port, "give the port number (1 to 65535)");
    range(at, port, 1, 65535);
  }

  void range(String at, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      fail(at, "must be between " + min + " and " + max + ", not " + value);
    }
  }

  void atLeastOne(String at, long n) {
    if (n < 1) {
      fail(at, "must be at least 1, not " + n);
    }
  }

  void positive(String at, DataSize size) {
    if (size != null && size.bytes() == 0) {
      fail(at, "must be larger than 0, e.g. 1G");
    }
  }

  void positive(String at, Duration d) {
    if (d != null && (d.isZero() || d.isNegative())) {
      fail(at, "must be longer than 0, not " + Durations.format(d));
    }
  }

  /** A duration that may be 0 (e.g. no grace period, retry at once), but not negative. */
  void notNegative(String at, Duration d) {
    if (d != null && d.isNegative()) {
      fail(at, "must be 0 or longer, not " + Durations.format(d));
    }
  }

  /** System and role end up in the names of cron files, where cron skips names with a dot. */
  void fileNamePart(String at, String value) {
    if (value != null && !Target.isValidId(value)) {
      fail(
          at,
          "must be lower-case letters, digits and dashes (it names cron files), not '"
              + value
              + "'");
    }
  }

  void unit(String at, String unit) {
    if (unit != null) {
      safe(at, unit);
      if (!UNIT.matcher(unit).matches()) {
        fail(
            at,
            "is not a unit name: use letters, digits and @ . _ : - (e.g. nginx.service), not '"
                + unit
                + "'");
      }
    }
  }

  void user(String at, String user) {
    if (user != null) {
      safe(at, user);
      if (!Users.isValidName(user)) {
        fail(
            at,
            "is not a user name: start with a letter or _, then letters, digits, _ . -, not '"
                + user
                + "'");
      }
    }
  }

  void absolute(String at, String path) {
    if (path == null) {
      return;
    }
    safe(at, path);
    boolean climbs = Stream.of(path.split("/")).anyMatch(".."::equals);
    if (!path.startsWith("/") || climbs) {
      fail(at, "must be an absolute path without '..', e.g. /var/tmp/x.txt, not '" + path + "'");
    }
  }

  void argv(String at, List<String> argv) {
    for (int i = 0; i < argv.size(); i++) {
      String arg = argv.get(i);
      if (arg == null || arg.isEmpty() || arg.contains("\n") || arg.contains("\0")) {
        fail(at + "[" + i + "]", "must be a non-empty word on one line");
      }
    }
  }

  void safe(String at, String value) {
    if (value == null) {
      return;
    }
    for (String bad : UNSAFE) {
      if (value.contains(bad)) {
        String shown = bad.equals("\n") || bad.equals("\r") ? "a line break" : "'" + bad + "'";
        fail(at, "must not contain " + shown + ": it would end up in cron lines and sudoers");
      }
    }
  }

  void require(String at, Object value, String why) {
    if (value == null || value instanceof String s && s.isBlank()) {
      missing(at, "is missing: " + why);
    }
  }

  void missing(String at, String message) {
    throw CatalogException.at(lines.forMissing(at), "'" + at + "' " + message);
  }

  void fail(String at, String message) {
    throw CatalogException.at(lines.at(at), "'" + at + "' " + message);
  }
}
