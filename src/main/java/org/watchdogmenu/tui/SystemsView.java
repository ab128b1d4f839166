package org.watchdogmenu.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The first screen: every system with its health in one line (the last verdict and how long ago,
 * whether its services run, what is scheduled), read again every second while no key comes. The
 * systems are numbered; the items every menu has are picked by a letter, so their keys stay the
 * same when a target of a new kind is added.
 */
final class SystemsView extends MenuView {
  private final Session session;
  private final Refresh refresh;
  private int width = 76;
  private int height = 19;

  SystemsView(Session session) {
    this.session = session;
    this.refresh = new Refresh(session);
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
    List<String> running = session.running();
    if (!running.isEmpty()) {
      lines.add(Line.of(""));
      lines.add(Line.of("Running in the background: " + String.join(", ", running), Tone.WARN));
    }
    session
        .cronWarning()
        .ifPresent(
            cron -> {
              lines.add(Line.of(""));
              lines.add(Line.of(cron, Tone.WARN));
            });
    if (!session.catalog().problems().isEmpty()) {
      lines.add(Line.of(""));
      session.catalog().problems().forEach(p -> lines.add(Line.of(p.message(), Tone.BAD)));
    }
    return lines;
  }

  @Override
  List<Choice> items() {
    StateWords words = new StateWords(session);
    List<Choice> items = new ArrayList<>();
    for (Group g : Group.of(session.catalog())) {
      Optional<String> why = g.emptyReason();
      if (why.isPresent()) {
        String empty = why.get();
        items.add(new Choice(g.title(), "no targets yet", Tone.OFF, empty, () -> Step.say(empty)));
        continue;
      }
      StateWords.Summary s = words.of(g.targets());
      items.add(new Choice(g.title(), s.words(), s.tone(), null, () -> Step.open(open(g))));
    }
    items.add(
        Choice.of("Add a target of your own", () -> Step.open(new NewTargetView(session)))
            .withKey('a'));
    items.add(MonitorChoices.overview(session).withKey('m'));
    items.add(UndoChoice.of(session).withKey('u'));
    return items;
  }

  @Override
  public List<Line> body(int width, int height) {
    this.width = width;
    this.height = height;
    return refresh.drawn(() -> super.body(width, height));
  }

  @Override
  public boolean tick() {
    return refresh.changed(() -> super.body(width, height));
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
        "The first screen: every system the catalog knows, and your own targets. The words in "
            + "[brackets] say, for each, the last check's verdict and how long ago it was (a "
            + "system with several targets shows its worst, e.g. CRITICAL (1/2)), whether its "
            + "service runs, and what cron has scheduled. They refresh by themselves every "
            + "second or so.",
        "Colours: red is CRITICAL or a stopped service; yellow is WARNING (recovered by a "
            + "restart) or UNKNOWN (bad settings or a missing tool, never a restart); cyan is "
            + "something scheduled; grey is nothing yet.",
        "A yellow line says cron does not run, so no schedule fires; red lines are target "
            + "files the catalog refused. Digits pick a system; a adds a target of your own, m "
            + "opens the continuous monitor and alerts, u previews the undo of the last change "
            + "(put back what it changed, on a then y).");
  }
}
