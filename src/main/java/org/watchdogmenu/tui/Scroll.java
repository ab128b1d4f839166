package org.watchdogmenu.tui;

import java.util.List;

/**
 * Which part of a long list of lines fits: keeps a focused line in sight. What it returns is a
 * {@link Visible}, so the painter can say how many lines are above and below.
 */
final class Scroll {
  private Scroll() {}

  /** The lines that fit in {@code height}, scrolled so that line {@code focus} is visible. */
  static List<Line> around(List<Line> lines, int focus, int height) {
    if (lines.size() <= height) {
      return Visible.of(lines, 0, height);
    }
    int top = Math.max(0, Math.min(focus - height / 2, lines.size() - height));
    return Visible.of(lines, top, height);
  }

  /** The lines from {@code top} that fit in {@code height}. */
  static Visible from(List<Line> lines, int top, int height) {
    int t = Math.max(0, Math.min(top, Math.max(0, lines.size() - height)));
    return Visible.of(lines, t, height);
  }
}
