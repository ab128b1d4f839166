package org.watchdogmenu.probe;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks of probe fields at run time; each failure is a {@link ConfigProblem}. */
final class Fields {
  private Fields() {}

  static String required(String value, String type, String field, String example) {
    if (value == null || value.isBlank()) {
      throw ConfigProblem.missing(type, field, example);
    }
    return value;
  }

  static int port(Integer port, String type, String field) {
    if (port == null) {
      throw ConfigProblem.missing(type, field, "8080");
    }
    if (port < 1 || port > 65535) {
      throw new ConfigProblem(
          type + " probe: " + field + " " + port + " is not a port: use 1 to 65535");
    }
    return port;
  }

  static Pattern regex(String value, String type, String field) {
    try {
      return Pattern.compile(value);
    } catch (PatternSyntaxException e) {
      throw new ConfigProblem(
          type
              + " probe: "
              + field
              + " is not a valid regular expression ("
              + e.getDescription()
              + " near index "
              + e.getIndex()
              + "): fix "
              + field);
    }
  }
}
