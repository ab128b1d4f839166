package org.watchdogmenu.tui;

import java.util.ArrayList;
import java.util.List;

/** The first screen: every system with a one-line summary of what is scheduled. */
final class SystemsView extends MenuView {
  private final Session session;

  SystemsView(Session session) {
    this.session = session;
  }

  @Override
  public String crumb() {
    return "Systems";
  }

  @Override
  List<Line> head() {
    return List.of(Line.of("Pick a system:", Tone.HEAD), Line.of(""));
  }

  @Override
  List<Line> foot() {
    List<Line> lines = new ArrayList<>();
    String cron = session.cronWarning();
    if (cron != null) {
      lines.add(Line.of(""));
      lines.add(Line.of(cron, Tone.WARN));
    }
    if (!session.catalog().problems().isEmpty()) {
      lines.add(Line.of(""));
      session.catalog().problems().forEach(p -> lines.add(Line.of(p.message(), Tone.BAD)));
    }
    return lines;
  }

  @Override
  List<Choice> items() {
    StateWords words = new StateWords(session.installer().reader());
    List<Choice> items = new ArrayList<>();
    for (Group g : Group.of(session.catalog())) {
      String empty = g.emptyReason();
      if (empty != null) {
        items.add(new Choice(g.title(), "no targets yet", Tone.OFF, empty, () -> Step.say(empty)));
        continue;
      }
      Tone tone = words.anyOn(g.targets()) ? Tone.ON : Tone.OFF;
      items.add(
          new Choice(
              g.title(), words.of(g.targets(), g::name), tone, null, () -> Step.open(open(g))));
    }
    items.add(Choice.of("Add a target of your own", () -> Step.open(new NewTargetView(session))));
    items.add(MonitorChoices.overview(session));
    return items;
  }

  private View open(Group g) {
    if (g.targets().size() == 1) {
      return new TargetView(session, g, g.targets().get(0));
    }
    return new RolesView(session, g);
  }

  @Override
  public List<String> help() {
    return List.of(
        "The first screen: every system the catalog knows, and your own targets. The "
            + "words in [brackets] say what is scheduled for each: the health checks and "
            + "scheduled restarts cron runs, or nothing scheduled (cyan: something is on; grey: "
            + "nothing, or no targets yet).",
        "A yellow line says cron does not run, so no schedule fires; red lines are target "
            + "files the catalog refused. Pick a system to see its targets; Continuous monitor "
            + "and alerts shows the monitor service and the alert channels.");
  }
}
