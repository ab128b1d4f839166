package org.watchdogmenu.tui;

import java.util.function.Function;

/**
 * One text field of a form.
 *
 * @param label what it is, e.g. {@code Health URL}
 * @param value its value as text ("" for empty)
 * @param hint one line on what to type, e.g. {@code a duration: 30s, 5m, 1h}
 * @param check what is wrong with a value, in one line, or null when it is fine
 */
record Field(String label, String value, String hint, Function<String, String> check) {
  static Field of(String label, String value, String hint, Function<String, String> check) {
    return new Field(label, value == null ? "" : value, hint, check);
  }

  Field with(String newValue) {
    return new Field(label, newValue, hint, check);
  }

  /** The problem with the current value, or null. */
  String problem() {
    return check.apply(value);
  }
}
