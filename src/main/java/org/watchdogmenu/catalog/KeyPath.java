package org.watchdogmenu.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key of a target file written as a path: {@code policy.cooldown}, {@code probes[1].port} or
 * {@code probes.1.port}. Printed the way the catalog's errors name keys ({@code probes[1].port}).
 */
record KeyPath(List<Part> parts) {
  private static final Pattern WHOLE =
      Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*|\\.\\d{1,4}|\\[\\d{1,4}])*");
  private static final Pattern TOKEN = Pattern.compile("[a-z][a-z0-9_]*|\\d+");

  /** A key of a mapping, or the index of a list item. */
  record Part(String key, int index) {
    boolean isIndex() {
      return key == null;
    }
  }

  KeyPath {
    parts = List.copyOf(parts);
  }

  /**
   * @throws CatalogException when the text is not a key path
   */
  static KeyPath parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      throw new CatalogException(
          "'"
              + text
              + "' is not a key: write it as in the target file, e.g. policy.cooldown or"
              + " probes[1].port");
    }
    List<Part> parts = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      String token = m.group();
      parts.add(
          Character.isDigit(token.charAt(0))
              ? new Part(null, Integer.parseInt(token))
              : new Part(token, -1));
    }
    return new KeyPath(parts);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Part p : parts) {
      if (p.isIndex()) {
        out.append('[').append(p.index()).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(p.key());
      }
    }
    return out.toString();
  }
}
