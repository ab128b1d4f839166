package org.watchdogmenu.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.watchdogmenu.engine.CheckReport;
import org.watchdogmenu.engine.Engine;
import org.watchdogmenu.engine.HealthCheck;
import org.watchdogmenu.engine.TargetStatus;
import org.watchdogmenu.install.Feature;
import org.watchdogmenu.install.FeatureState;
import org.watchdogmenu.model.Target;

/**
 * One target: its numbered features with their state inline, its protection state and last check,
 * and the actions on it. Changes go through a preview ({@link PlanView}) or a y/n question.
 */
final class TargetView extends MenuView {
  private final Session session;
  private final Group group;
  private final Target target;
  private final Pending pending = new Pending();

  TargetView(Session session, Group group, Target target) {
    this.session = session;
    this.group = group;
    this.target = target;
  }

  @Override
  public String crumb() {
    return group.targets().size() == 1 ? group.title() : group.name(target);
  }

  @Override
  List<Line> head() {
    List<Line> lines = new ArrayList<>();
    lines.add(Line.of(target.title() + " (" + target.id() + ")", Tone.HEAD));
    lines.add(Line.of("Service: " + Engine.describe(target)));
    try {
      TargetStatus status = session.engine().status(target);
      lines.add(Line.of("Protection: " + status.protectionWords()));
      lines.add(lastCheck(status));
    } catch (IOException e) {
      lines.add(Line.of("Protection: cannot read " + target.paths().state() + ": " + e, Tone.BAD));
    }
    lines.add(Line.of(""));
    return lines;
  }

  private static Line lastCheck(TargetStatus status) {
    if (status.lastCheck().isEmpty()) {
      return Line.of("Last check: none yet", Tone.OFF);
    }
    CheckReport r = status.lastCheck().get();
    Tone tone =
        switch (r.outcome()) {
          case OK -> Tone.PLAIN;
          case WARNING, UNKNOWN -> Tone.WARN;
          case CRITICAL -> Tone.BAD;
        };
    return Line.of("Last check: " + r.outcome() + " at " + r.at() + ": " + r.summary(), tone);
  }

  @Override
  public Step key(KeyStroke key) {
    if (pending.armed()) {
      return pending.answer(key);
    }
    return super.key(key);
  }

  @Override
  List<Choice> items() {
    List<Choice> items = new ArrayList<>();
    items.add(feature(Feature.HEALTH, "Health check (auto-restart)"));
    items.add(feature(Feature.RESTART, "Scheduled restart (cron)"));
    items.add(MonitorChoices.target(session, target));
    items.add(Choice.of("Run a health check now (dry run: what it would do)", this::dryRun));
    String readOnly = session.readOnlyReason();
    items.add(
        readOnly != null
            ? Choice.disabled("Restart now (through the guard)", readOnly)
            : Choice.of(
                "Restart now (through the guard)",
                () ->
                    pending.ask(
                        "Restart " + target.id() + " now, through the guard (source manual)?",
                        this::restart)));
    items.add(
        readOnly != null
            ? Choice.disabled("Clear restart history", readOnly)
            : Choice.of(
                "Clear restart history",
                () ->
                    pending.ask(
                        "Clear the restart history of " + target.id() + "?", this::clearHistory)));
    items.add(Choice.of("View logs", () -> Step.open(new LogView(session, target))));
    items.add(
        Choice.of(
            "Settings (service, probes, restart policy)",
            () -> Step.open(TargetSettings.form(session, target))));
    items.add(access());
    return items;
  }

  private Choice feature(Feature feature, String label) {
    FeatureState state = session.installer().reader().read(target, feature);
    return new Choice(
        label,
        state.words(),
        state.configured() ? Tone.ON : Tone.OFF,
        null,
        () -> Step.open(new IntervalView(session, group, target, feature)));
  }

  private Choice access() {
    return Choice.of(AccessView.TITLE, () -> Step.open(new AccessView(session, target)));
  }

  private Step dryRun() {
    return Step.work(
        "Running the health check of " + target.id() + " (dry run)...",
        () -> {
          List<String> out =
              session.capture(
                  w ->
                      session
                          .engine()
                          .check(target, new HealthCheck.Options(true, true, "health"), w));
          out.add("");
          out.add("Dry run: nothing was restarted or changed.");
          return Step.open(new TextView("Health check (dry run)", out));
        });
  }

  private Step restart() {
    return Step.work(
        "Restarting " + target.id() + " through the guard...",
        () -> {
          List<String> out =
              session.capture(w -> session.engine().restart(target, "manual", false, false, w));
          return Step.open(new TextView("Restart now", out));
        });
  }

  private Step clearHistory() {
    List<String> out =
        session.capture(
            w -> {
              if (!session.engine().reset(target, w)) {
                w.println("Not cleared: the lock of " + target.id() + " stayed busy; try again");
              }
            });
    return Step.open(new TextView("Clear restart history", out));
  }

  @Override
  public List<String> help() {
    return List.of(
        "One target: its features with their state in [brackets] (cyan on, grey not "
            + "configured), its protection and its last check.",
        "Protection is the restart guard every restart goes through: a lock per target, a "
            + "cooldown between restarts and a cap of restarts per window (e.g. 0/5 restarts "
            + "per hour, ready).",
        "A restart it holds back is logged as SKIPPED (cooldown) or DENIED (cap reached) "
            + "and needs a look by hand. Last check: OK, WARNING (recovered by a restart), "
            + "CRITICAL (unhealthy and not recovered) or UNKNOWN (bad settings or a missing "
            + "tool: never a restart).",
        "Health check and Scheduled restart open the interval picker and a preview; "
            + "Restart now and Clear restart history ask y first. Every change can be undone "
            + "with watchdog-menu undo (the last apply) or Disable.");
  }
}
