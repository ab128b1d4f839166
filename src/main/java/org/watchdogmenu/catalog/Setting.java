package org.watchdogmenu.catalog;

import java.util.regex.Pattern;

/**
 * One value of a target file to set, as the operator writes it: {@code policy.cooldown=60s}, {@code
 * probes[1].port=8081}, {@code service.restart=/opt/app/restart.sh --now}. An empty value takes the
 * key's value away, so the inherited value or the default applies.
 *
 * @param key the key path, e.g. {@code probes[1].port}
 * @param value the value as text; read as the kind of value the key holds (a number for a port, a
 *     list of words for a command, {@code [a, b]} for a list written out)
 */
public record Setting(String key, String value) {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  public Setting {
    value = value == null ? "" : value;
  }

  /**
   * Reads {@code KEY=VALUE}.
   *
   * @throws CatalogException when there is no {@code =} or the key is not a key path
   */
  public static Setting parse(String text) {
    int eq = text.indexOf('=');
    if (eq < 1) {
      throw new CatalogException(
          "'" + text + "' is not KEY=VALUE: write e.g. policy.cooldown=60s or probes[1].port=8081");
    }
    Setting s = new Setting(text.substring(0, eq), text.substring(eq + 1));
    KeyPath.parse(s.key());
    return s;
  }

  /** As one shell word, quoted when it needs to be: {@code title='Demo web'}. */
  public String word() {
    String text = key + "=" + value;
    if (PLAIN.matcher(text).matches()) {
      return text;
    }
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
