package org.watchdogmenu.tui;

import java.util.ArrayList;
import java.util.List;
import org.watchdogmenu.model.Target;

/** The targets of a system: server and client for the tunnels, or the site's own targets. */
final class RolesView extends MenuView {
  private final Session session;
  private final Group group;

  RolesView(Session session, Group group) {
    this.session = session;
    this.group = group;
  }

  @Override
  public String crumb() {
    return group.title();
  }

  @Override
  List<Line> head() {
    String description = group.system() == null ? null : group.system().description();
    return description == null ? List.of() : List.of(Line.of(description), Line.of(""));
  }

  @Override
  List<Choice> items() {
    StateWords words = new StateWords(session.installer().reader());
    List<Choice> items = new ArrayList<>();
    for (Target t : group.targets()) {
      Tone tone = words.anyOn(List.of(t)) ? Tone.ON : Tone.OFF;
      items.add(
          new Choice(
              group.longName(t),
              words.of(t),
              tone,
              null,
              () -> Step.open(new TargetView(session, group, t))));
    }
    return items;
  }

  @Override
  public List<String> help() {
    return List.of(
        "The targets of this system (e.g. its server and its client side). The words in "
            + "[brackets] say what is scheduled for each target (cyan: a health check or a "
            + "scheduled restart is on; grey: nothing scheduled).",
        "Pick one to see its features, its protection and its actions.");
  }
}
