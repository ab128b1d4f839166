package org.watchdogmenu.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;

/** The first screen: every system with a one-line summary of what is scheduled. */
final class SystemsView implements View {
  private final Session session;
  private Choices choices;

  SystemsView(Session session) {
    this.session = session;
  }

  @Override
  public String crumb() {
    return "Systems";
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
    lines.add(Line.of("Pick a system:", Tone.HEAD));
    lines.add(Line.of(""));
    lines.addAll(choices.lines());
    if (!session.catalog().problems().isEmpty()) {
      lines.add(Line.of(""));
      session.catalog().problems().forEach(p -> lines.add(Line.of(p.message(), Tone.BAD)));
    }
    return Scroll.around(lines, choices.selected() + 2, height);
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
}
