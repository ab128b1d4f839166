package org.watchdogmenu.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.watchdogmenu.catalog.CatalogSystem;
import org.watchdogmenu.catalog.FixedTimes;
import org.watchdogmenu.catalog.IntervalChoice;
import org.watchdogmenu.install.Feature;
import org.watchdogmenu.install.FeatureState;
import org.watchdogmenu.install.Schedule;
import org.watchdogmenu.model.Target;

/**
 * The interval picker of a feature: the catalog's choices with their labels, the recommended mark
 * and warnings, fixed times of day where the system has them, and Disable. A pick opens the
 * preview; nothing is written here.
 */
final class IntervalView extends MenuView {
  private final Session session;
  private final Group group;
  private final Target target;
  private final Feature feature;

  IntervalView(Session session, Group group, Target target, Feature feature) {
    this.session = session;
    this.group = group;
    this.target = target;
    this.feature = feature;
  }

  @Override
  public String crumb() {
    return feature == Feature.HEALTH ? "Health check" : "Scheduled restart";
  }

  @Override
  void started(Choices menu) {
    menu.select(recommended());
  }

  @Override
  List<Line> head() {
    FeatureState now = session.installer().reader().read(target, feature);
    List<Line> lines = new ArrayList<>();
    lines.add(
        new Line("Now:", Tone.HEAD, now.words(), now.configured() ? Tone.ON : Tone.OFF, false));
    lines.add(Line.of("Pick how often " + target.id() + " gets its " + feature.words() + ":"));
    lines.add(Line.of(""));
    return lines;
  }

  private CatalogSystem system() {
    if (group.system() != null) {
      return group.system();
    }
    List<CatalogSystem> all = session.catalog().systems();
    return all.stream().filter(s -> s.id().equals("svc")).findFirst().orElse(all.get(0));
  }

  private int recommended() {
    List<Boolean> marks = new ArrayList<>();
    CatalogSystem s = system();
    if (feature == Feature.HEALTH) {
      s.healthIntervals().forEach(c -> marks.add(c.recommended()));
    } else {
      s.restartIntervals().forEach(c -> marks.add(c.recommended()));
      s.restartTimes().forEach(t -> marks.add(t.recommended()));
    }
    int i = marks.indexOf(Boolean.TRUE);
    return Math.max(0, i);
  }

  @Override
  List<Choice> items() {
    CatalogSystem s = system();
    FeatureState now = session.installer().reader().read(target, feature);
    List<Choice> items = new ArrayList<>();
    List<IntervalChoice> intervals =
        feature == Feature.HEALTH ? s.healthIntervals() : s.restartIntervals();
    for (IntervalChoice c : intervals) {
      items.add(
          item(
              Schedule.every(c.every()),
              c.label(),
              c.recommended(),
              Optional.ofNullable(c.warning()),
              now));
    }
    if (feature == Feature.RESTART) {
      for (FixedTimes t : s.restartTimes()) {
        items.add(
            item(Schedule.dailyAt(t.at()), t.label(), t.recommended(), Optional.empty(), now));
      }
    }
    items.add(
        Choice.of(
            "Disable (remove the " + feature.words() + ")",
            () ->
                PlanView.open(
                    session,
                    "Disable",
                    now.configured()
                        ? Optional.empty()
                        : Optional.of("It is not configured: there is nothing to remove."),
                    () -> session.installer().planner().disable(target, Set.of(feature)),
                    2)));
    return items;
  }

  private Choice item(
      Schedule schedule,
      String label,
      boolean recommended,
      Optional<String> warning,
      FeatureState now) {
    String text = schedule.words() + (label == null ? "" : " - " + label);
    if (recommended) {
      text += " (recommended)";
    }
    boolean current = now.schedule().isPresent() && now.schedule().get().equals(schedule);
    String state = current ? "current" : warning.map(w -> "! " + w).orElse(null);
    Tone tone = current ? Tone.ON : Tone.WARN;
    return new Choice(
        text,
        state,
        tone,
        null,
        () ->
            PlanView.open(
                session,
                schedule.words(),
                warning,
                () -> session.installer().planner().enable(target, feature, schedule),
                2));
  }

  @Override
  public List<String> help() {
    return List.of(
        "How often this feature runs: the catalog's choices, the recommended one "
            + "highlighted, [current] in cyan for what is installed now, and a yellow [! "
            + "warning] where a choice has a catch. Disable removes it.",
        "A pick opens the preview of the cron file; nothing is written before a, then y. "
            + "Undo: pick Disable, or run watchdog-menu undo after an apply.");
  }
}
