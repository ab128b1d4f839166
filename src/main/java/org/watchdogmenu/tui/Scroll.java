package org.watchdogmenu.tui;

import java.util.List;

/** Which part of a long list of lines fits: keeps a focused line in sight. */
final class Scroll {
  private Scroll() {}

  /** The lines that fit in {@code height}, scrolled so that line {@code focus} is visible. */
  static List<Line> around(List<Line> lines, int focus, int height) {
    if (lines.size() <= height) {
      return lines;
    }
    int top = Math.max(0, Math.min(focus - height / 2, lines.size() - height));
    return lines.subList(top, top + height);
  }

  /** The lines from {@code top} that fit in {@code height}. */
  static List<Line> from(List<Line> lines, int top, int height) {
    int t = Math.max(0, Math.min(top, Math.max(0, lines.size() - height)));
    return lines.subList(t, Math.min(lines.size(), t + height));
  }
}
