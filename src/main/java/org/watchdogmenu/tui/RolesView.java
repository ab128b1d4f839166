package org.watchdogmenu.tui;

import java.util.ArrayList;
import java.util.List;
import org.watchdogmenu.model.Target;

/**
 * The targets of a system (server and client for the tunnels, or the site's own targets), each with
 * its last verdict, whether its service runs and what is scheduled, read again every second.
 */
final class RolesView extends MenuView {
  private final Session session;
  private final Group group;
  private final Refresh refresh;
  private int width = 76;
  private int height = 19;

  RolesView(Session session, Group group) {
    this.session = session;
    this.group = group;
    this.refresh = new Refresh(session);
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
    StateWords words = new StateWords(session);
    List<Choice> items = new ArrayList<>();
    for (Target t : group.targets()) {
      StateWords.Summary s = words.of(t);
      items.add(
          new Choice(
              group.longName(t),
              s.words(),
              s.tone(),
              null,
              () -> Step.open(new TargetView(session, group, t))));
    }
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

  @Override
  public List<String> help() {
    return List.of(
        "The targets of this system (e.g. its server and its client side). The words in "
            + "[brackets] give each target's last verdict and its age, whether its service "
            + "runs, and what is scheduled (red: CRITICAL or stopped; yellow: WARNING or "
            + "UNKNOWN; cyan: something scheduled; grey: nothing yet).",
        "Pick one to see its service, its guard, its last check and its actions.");
  }
}
