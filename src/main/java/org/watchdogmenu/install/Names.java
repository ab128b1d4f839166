package org.watchdogmenu.install;

import java.util.regex.Pattern;
import org.watchdogmenu.os.Users;

/**
 * Checks every name and path that ends up in a generated file, so that nothing an operator typed
 * can add a line, a shell command or a path outside the tree. Each failure is one line that says
 * what was wrong and what is allowed.
 */
final class Names {
  private static final Pattern SYSTEM = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final Pattern UNIT =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,240}\\.service");
  private static final Pattern ANY_UNIT =
      Pattern.compile(
          "[A-Za-z0-9][A-Za-z0-9_.@-]{0,240}\\.(service|target|socket|mount|timer|path|slice)");
  private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._/@+-]*");
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,200}");
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.@+=:,/*-]{1,200}");

  private Names() {}

  static String user(String what, String name) {
    if (!Users.isValidName(name) || name.endsWith(".")) {
      throw bad(
          what,
          name,
          "a user name is a letter or _ followed by letters, digits, _ . or -, at most 32");
    }
    return name;
  }

  static String system(String what, String name) {
    if (name == null || !SYSTEM.matcher(name).matches()) {
      throw bad(what, name, "write lower-case letters, digits and -");
    }
    return name;
  }

  /** A systemd service name; {@code foo} becomes {@code foo.service}. */
  static String unit(String what, String name) {
    String unit = name != null && !name.contains(".") ? name + ".service" : name;
    if (unit == null || !UNIT.matcher(unit).matches() || unit.contains("..")) {
      throw bad(what, name, "a unit name is letters, digits, _ . @ - ending in .service");
    }
    return unit;
  }

  /** A unit of any common type, for After= and Wants=, e.g. {@code network.target}. */
  static String anyUnit(String what, String name) {
    if (name == null || !ANY_UNIT.matcher(name).matches() || name.contains("..")) {
      throw bad(
          what, name, "a unit name is letters, digits, _ . @ - ending in .service, .target, ...");
    }
    return name;
  }

  /** An absolute path without {@code ..}, spaces, quotes or shell characters. */
  static String path(String what, String path) {
    if (path == null || !PATH.matcher(path).matches()) {
      throw bad(
          what, path, "write an absolute path of letters, digits and . _ - + @ / (no spaces)");
    }
    for (String part : path.split("/")) {
      if (part.equals("..") || part.equals(".")) {
        throw bad(what, path, "write the path without '.' or '..' parts");
      }
    }
    return path;
  }

  /** A name usable as a file in cron.d or sudoers.d (both skip names with a dot). */
  static String fileName(String what, String name) {
    if (name == null || !FILE_NAME.matcher(name).matches()) {
      throw bad(what, name, "write letters, digits, _ and - only (cron and sudo skip a '.')");
    }
    return name;
  }

  /** One argument of a sudoers command: no spaces, quotes or shell characters. */
  static String word(String what, String word) {
    if (word == null || !WORD.matcher(word).matches()) {
      throw bad(what, word, "an argument may hold letters, digits and _ . @ + = : , / * -");
    }
    return word;
  }

  static InstallException bad(String what, String value, String rule) {
    return new InstallException(what + " " + shown(value) + " is not allowed: " + rule);
  }

  /** The value in quotes, with newlines and other control characters made visible. */
  static String shown(String value) {
    if (value == null) {
      return "(missing)";
    }
    StringBuilder sb = new StringBuilder("'");
    for (char c : value.toCharArray()) {
      if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\x%02x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append("'").toString();
  }
}
