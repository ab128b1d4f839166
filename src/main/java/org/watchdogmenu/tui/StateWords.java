package org.watchdogmenu.tui;

import java.util.ArrayList;
import java.util.List;
import org.watchdogmenu.install.Feature;
import org.watchdogmenu.install.FeatureState;
import org.watchdogmenu.install.ScheduleReader;
import org.watchdogmenu.model.Target;

/** One-line summaries of what is scheduled, for the systems and roles menus. */
final class StateWords {
  private final ScheduleReader reader;

  StateWords(ScheduleReader reader) {
    this.reader = reader;
  }

  /** {@code health: Every 5 minutes, restart: Daily at 04:00}, or {@code nothing scheduled}. */
  String of(Target target) {
    List<String> parts = new ArrayList<>();
    for (Feature f : Feature.values()) {
      FeatureState s = reader.read(target, f);
      if (s.configured()) {
        parts.add(f.key() + ": " + s.words());
      }
    }
    return parts.isEmpty() ? "nothing scheduled" : String.join(", ", parts);
  }

  /** True when any feature of any of the targets is scheduled. */
  boolean anyOn(List<Target> targets) {
    for (Target t : targets) {
      for (Feature f : Feature.values()) {
        if (reader.read(t, f).configured()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The summary of several targets, each named by {@code name}. */
  String of(List<Target> targets, java.util.function.Function<Target, String> name) {
    if (targets.size() == 1 || !anyOn(targets)) {
      return of(targets.get(0));
    }
    List<String> parts = new ArrayList<>();
    for (Target t : targets) {
      parts.add(name.apply(t) + " " + of(t));
    }
    return String.join("; ", parts);
  }
}
