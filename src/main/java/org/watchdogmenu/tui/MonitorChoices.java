package org.watchdogmenu.tui;

import java.util.Optional;
import org.watchdogmenu.install.InstallTools;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.monitor.MonitorState;

/**
 * The menu items of continuous mode: a target's "Continuous monitor" (On with its interval while
 * the monitor runs, On (monitor not running) when it is listed but no monitor beats, or Off;
 * picking it previews adding the target to the monitor's list or removing it) and the first menu's
 * "Continuous monitor and alerts" (whether the monitor runs, and for how many targets).
 */
final class MonitorChoices {
  private MonitorChoices() {}

  static Choice target(Session session, Target target) {
    MonitorState state = state(session);
    boolean on = state.list().contains(target.id());
    String words;
    Tone tone;
    if (!on) {
      words = "Off";
      tone = Tone.OFF;
    } else if (state.running()) {
      words = "On, every " + Durations.format(target.policy().interval());
      tone = Tone.ON;
    } else {
      // listed, but nothing checks it: the heartbeat is stale or missing
      words = "On (monitor not running)";
      tone = Tone.WARN;
    }
    return new Choice(
        "Continuous monitor",
        words,
        tone,
        null,
        () ->
            PlanView.open(
                session,
                "Continuous monitor",
                on ? Optional.empty() : notRunning(session, state),
                () -> session.installer().planner().monitorTarget(target, !on),
                1));
  }

  static Choice overview(Session session) {
    MonitorState state = state(session);
    int n = state.list().targets().size();
    String targets = n + " target" + (n == 1 ? "" : "s");
    String words = (state.running() ? "running" : "not running") + (n == 0 ? "" : ", " + targets);
    Tone tone = state.running() ? Tone.ON : n == 0 ? Tone.OFF : Tone.WARN;
    if (state.problem().isPresent()) {
      words = "its target list is broken";
      tone = Tone.BAD;
    }
    return new Choice(
        "Continuous monitor and alerts",
        words,
        tone,
        null,
        () -> Step.open(new MonitorView(session)));
  }

  /** The monitored targets and the heartbeat, as the files say now. */
  static MonitorState state(Session session) {
    return MonitorState.read(session.host().root(), session.host().clock().instant());
  }

  /** What to do when the monitor is not running (the change waits for it); empty when it runs. */
  private static Optional<String> notRunning(Session session, MonitorState state) {
    if (state.running()) {
      return Optional.empty();
    }
    String now = state.processWords(session.host().clock().instant());
    if (session.installer().monitorUnitInstalled()) {
      return Optional.of(
          "the monitor is "
              + now
              + ": its service is installed; start it with 'systemctl enable --now "
              + InstallTools.MONITOR_UNIT
              + "'");
    }
    return Optional.of(
        "the monitor is "
            + now
            + " and its service is not installed: install it from 'Continuous monitor and alerts'"
            + " in the first menu, or run 'watchdog-menu units --monitor'");
  }
}
