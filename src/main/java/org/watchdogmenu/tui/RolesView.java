package org.watchdogmenu.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;
import org.watchdogmenu.model.Target;

/** The targets of a system: server and client for the tunnels, or the site's own targets. */
final class RolesView implements View {
  private final Session session;
  private final Group group;
  private Choices choices;

  RolesView(Session session, Group group) {
    this.session = session;
    this.group = group;
  }

  @Override
  public String crumb() {
    return group.title();
  }

  @Override
  public List<String> keys(Look look) {
    return (choices == null ? menu() : choices).keys(look);
  }

  @Override
  public List<Line> body(int width, int height) {
    if (choices == null) {
      choices = menu();
    } else {
      choices.update(items());
    }
    List<Line> lines = new ArrayList<>();
    String description = group.system() == null ? null : group.system().description();
    if (description != null) {
      lines.add(Line.of(description));
      lines.add(Line.of(""));
    }
    int head = lines.size();
    lines.addAll(choices.lines());
    return Scroll.around(lines, choices.selected() + head, height);
  }

  @Override
  public Step key(KeyStroke key) {
    if (choices == null) {
      choices = menu();
    }
    return choices.key(key);
  }

  private Choices menu() {
    return new Choices(items());
  }

  private List<Choice> items() {
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
}
