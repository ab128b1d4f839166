package org.watchdogmenu.probe;

/** Small text helpers for probe messages. */
final class Text {
  private Text() {}

  /** At most {@code max} characters, with an ellipsis when cut. */
  static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }
}
