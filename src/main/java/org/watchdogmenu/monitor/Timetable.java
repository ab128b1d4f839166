package org.watchdogmenu.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When each target is next due. A target is due once its interval has passed since it was last
 * taken; a new target is due at once. Pure bookkeeping on the instants it is given, so tests drive
 * it with a fake clock.
 */
final class Timetable {
  private final Map<String, Instant> next = new HashMap<>();
  private final Map<String, Duration> intervals = new HashMap<>();

  /**
   * Makes the timetable follow these targets and intervals: new ones are due at {@code now},
   * removed ones are forgotten, and a shorter interval brings the next turn forward.
   */
  void follow(Map<String, Duration> wanted, Instant now) {
    next.keySet().retainAll(wanted.keySet());
    intervals.keySet().retainAll(wanted.keySet());
    wanted.forEach(
        (id, interval) -> {
          Instant at = next.get(id);
          if (at == null) {
            next.put(id, now);
          } else if (at.isAfter(now.plus(interval))) {
            next.put(id, now.plus(interval));
          }
          intervals.put(id, interval);
        });
  }

  /** The targets due at {@code now}, sorted; each is then due again one interval later. */
  List<String> take(Instant now) {
    List<String> due = new ArrayList<>();
    next.forEach(
        (id, at) -> {
          if (!at.isAfter(now)) {
            due.add(id);
          }
        });
    due.sort(null);
    for (String id : due) {
      next.put(id, now.plus(intervals.get(id)));
    }
    return due;
  }

  /** The earliest next turn, empty when no target is followed. */
  Optional<Instant> nextTurn() {
    return next.values().stream().min(Instant::compareTo);
  }
}
