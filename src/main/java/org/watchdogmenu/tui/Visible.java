package org.watchdogmenu.tui;

import java.util.AbstractList;
import java.util.List;

/**
 * The part of a longer list of lines that fits, and how many lines are above and below it: the
 * painter says so on the box's edges ({@code ↑ 3 more}, {@code ↓ 6 more}).
 */
final class Visible extends AbstractList<Line> {
  private final List<Line> shown;
  private final int above;
  private final int below;

  Visible(List<Line> shown, int above, int below) {
    this.shown = List.copyOf(shown);
    this.above = above;
    this.below = below;
  }

  /** Lines of {@code all} from {@code top}, {@code height} of them at most. */
  static Visible of(List<Line> all, int top, int height) {
    int end = Math.min(all.size(), top + Math.max(0, height));
    return new Visible(all.subList(top, end), top, all.size() - end);
  }

  int above() {
    return above;
  }

  int below() {
    return below;
  }

  @Override
  public Line get(int index) {
    return shown.get(index);
  }

  @Override
  public int size() {
    return shown.size();
  }
}
