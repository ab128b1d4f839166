package org.watchdogmenu.tui;

import java.util.Optional;
import java.util.function.Function;

/**
 * One text field of a form.
 *
 * @param label what it is, e.g. {@code Health URL}
 * @param value its value as text ("" for empty)
 * @param hint one line on what to type, e.g. {@code a duration: 30s, 5m, 1h}
 * @param check what is wrong with a value, in one line; empty when it is fine
 * @param shown how the form lists the value: as it is, or with its secret masked (the value shows
 *     in full only while it is being typed)
 */
record Field(
    String label,
    String value,
    String hint,
    Function<String, Optional<String>> check,
    Function<String, String> shown) {
  static Field of(
      String label, String value, String hint, Function<String, Optional<String>> check) {
    return new Field(label, value == null ? "" : value, hint, check, Function.identity());
  }

  /** This field with its value listed through {@code mask}, e.g. a webhook address. */
  Field masked(Function<String, String> mask) {
    return new Field(label, value, hint, check, mask);
  }

  Field with(String newValue) {
    return new Field(label, newValue, hint, check, shown);
  }

  /** The problem with the current value; empty when it is fine. */
  Optional<String> problem() {
    return check.apply(value);
  }

  /** The value as the form lists it. */
  String listed() {
    return shown.apply(value);
  }
}
