package org.watchdogmenu.tui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.watchdogmenu.alert.Alerts;
import org.watchdogmenu.alert.AlertsEdit;
import org.watchdogmenu.alert.ChannelResult;
import org.watchdogmenu.install.InstallTools;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.monitor.Heartbeat;
import org.watchdogmenu.monitor.MonitorState;
import org.watchdogmenu.os.ConfigException;

/**
 * Continuous mode and alerts: whether the monitor runs (by its heartbeat file, so under a sandbox
 * {@code --root} it shows what the files there say), whether its service is installed, the
 * monitored targets with their intervals and the alert channels. Its items preview installing the
 * service, list the channels (addresses masked), add one, send a test alert, and remove one.
 */
final class MonitorView extends MenuView {
  private final Session session;

  MonitorView(Session session) {
    this.session = session;
  }

  @Override
  public String crumb() {
    return "Monitor and alerts";
  }

  @Override
  List<Line> head() {
    Instant now = session.host().clock().instant();
    MonitorState state = MonitorChoices.state(session);
    List<Line> lines = new ArrayList<>();
    String process =
        state.processWords(now) + (state.beat().isEmpty() ? ": no " + Heartbeat.FILE : "");
    lines.add(Line.of("Monitor: " + process, state.running() ? Tone.ON : Tone.WARN));
    lines.add(
        Line.of(
            "Service: "
                + InstallTools.MONITOR_UNIT
                + (session.installer().monitorUnitInstalled() ? " installed" : " not installed")));
    state.problem().ifPresent(p -> lines.add(Line.of(p, Tone.BAD)));
    lines.add(targets(state));
    lines.add(channels());
    lines.add(Line.of(""));
    return lines;
  }

  private Line targets(MonitorState state) {
    if (state.list().targets().isEmpty()) {
      return Line.of("Monitored: none yet (turn it on in a target's menu)", Tone.OFF);
    }
    Map<String, Target> known =
        session.catalog().targets().stream()
            .collect(Collectors.toMap(Target::id, Function.identity()));
    List<String> parts = new ArrayList<>();
    for (String id : state.list().targets()) {
      Target t = known.get(id);
      parts.add(
          t == null
              ? id + " (no such target)"
              : id + " every " + Durations.format(t.policy().interval()));
    }
    return Line.of("Monitored: " + String.join(", ", parts));
  }

  private Line channels() {
    try {
      int n = Alerts.load(session.host()).channels().size();
      return n == 0
          ? Line.of("Alert channels: none yet", Tone.OFF)
          : Line.of("Alert channels: " + n + " in " + AlertsEdit.PATH);
    } catch (ConfigException e) {
      return Line.of("Alerts are off: " + e.getMessage(), Tone.BAD);
    }
  }

  @Override
  List<Choice> items() {
    boolean installed = session.installer().monitorUnitInstalled();
    List<Choice> items = new ArrayList<>();
    items.add(
        new Choice(
            "Install or update the monitor service",
            installed ? "installed" : "not installed",
            installed ? Tone.ON : Tone.OFF,
            null,
            () ->
                PlanView.open(
                    session, "Monitor service", () -> session.installer().planner().monitor(), 1)));
    items.add(Choice.of("List the alert channels (addresses masked)", this::channelList));
    items.add(Choice.of("Add a channel", () -> Step.open(new AddChannelView(session))));
    items.add(Choice.of("Send a test alert", this::sendTest));
    items.add(RemoveChannelView.choice(session));
    return items;
  }

  private Step channelList() {
    List<String> out = new ArrayList<>();
    try {
      List<String> channels = Alerts.load(session.host()).describe();
      if (channels.isEmpty()) {
        out.add("No channels yet in " + AlertsEdit.PATH + ": pick Add a channel.");
      } else {
        out.add("Channels in " + AlertsEdit.PATH + " (addresses masked):");
        channels.forEach(c -> out.add("  " + c));
      }
    } catch (ConfigException e) {
      out.add("Failed: " + e.getMessage());
    }
    return Step.open(new TextView("Alert channels", out));
  }

  /**
   * The same path as {@code watchdog-menu alert --test}: load the channels, send, one line each.
   */
  private Step sendTest() {
    return Step.work(
        "Sending a test alert through every channel...",
        () -> {
          List<String> out =
              session.capture(
                  w -> {
                    List<ChannelResult> results = Alerts.load(session.host()).sendTest();
                    if (results.isEmpty()) {
                      w.println("No channels in " + AlertsEdit.PATH + ": add one first");
                    }
                    results.forEach(r -> w.println(r.line()));
                  });
          return Step.open(new TextView("Test alert", out));
        });
  }

  @Override
  public List<String> help() {
    return List.of(
        "Continuous mode: whether the monitor runs (by its heartbeat file), whether its "
            + "service is installed, which targets it watches and how often, and the alert "
            + "channels. A yellow Monitor line means it does not run; red lines are problems "
            + "with its files.",
        "Installing the service shows a preview first; Send a test alert sends one "
            + "through every channel and shows each result. Alerts go out at most once per "
            + "event, target and window.");
  }
}
