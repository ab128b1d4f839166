package org.watchdogmenu.tui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * When a screen that shows states reads them again on its own: at most once a second of the host's
 * clock, or as soon as a service's state comes in; it is redrawn only when what it says changed (a
 * cooldown counting down, an age, a new verdict written by cron or the monitor).
 */
final class Refresh {
  /** How often the files are read again while no key comes. */
  static final Duration EVERY = Duration.ofSeconds(1);

  private final Session session;
  private Instant read;
  private int answers = -1;
  private String shown;

  Refresh(Session session) {
    this.session = session;
  }

  /**
   * The lines to draw, read now: the next reading is due a second later, or when a state comes in
   * (one that comes while they are read is counted after them, so it is not missed).
   */
  List<Line> drawn(Supplier<List<Line>> now) {
    answers = session.services().answers();
    read = session.host().clock().instant();
    List<Line> lines = now.get();
    shown = words(lines);
    return lines;
  }

  /** True when the lines {@code now} gives differ from those drawn (and read again when due). */
  boolean changed(Supplier<List<Line>> now) {
    Instant at = session.host().clock().instant();
    int a = session.services().answers();
    if (read != null && a == answers && fresh(Duration.between(read, at))) {
      return false;
    }
    read = at;
    answers = a;
    return !words(now.get()).equals(shown);
  }

  /** Read less than a second ago (a clock set back counts as due). */
  private static boolean fresh(Duration age) {
    return !age.isNegative() && age.compareTo(EVERY) < 0;
  }

  private static String words(List<Line> lines) {
    StringBuilder b = new StringBuilder();
    for (Line l : lines) {
      b.append(l.text()).append('[').append(l.state()).append(']').append(l.tone());
      b.append(l.stateTone()).append(l.selected()).append('\n');
    }
    return b.toString();
  }
}
