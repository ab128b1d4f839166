package org.watchdogmenu.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;

/** "Add a target of your own", first step: what the new target is; its form follows. */
final class NewTargetView implements View {
  private final Session session;
  private final Choices choices;

  NewTargetView(Session session) {
    this.session = session;
    List<Choice> items = new ArrayList<>();
    for (NewTargetForm.Kind kind : NewTargetForm.Kind.values()) {
      items.add(Choice.of(kind.words(), () -> Step.open(NewTargetForm.form(this.session, kind))));
    }
    this.choices = new Choices(items);
  }

  @Override
  public String crumb() {
    return "Add a target";
  }

  @Override
  public List<String> keys(Look look) {
    return choices.keys(look);
  }

  @Override
  public List<Line> body(int width, int height) {
    List<Line> lines = new ArrayList<>();
    lines.add(Line.of("What does the new target watch?", Tone.HEAD));
    lines.add(Line.of(""));
    lines.addAll(choices.lines());
    lines.add(Line.of(""));
    lines.add(Line.of("Its file goes to /etc/watchdog-menu/targets/ID.yaml after a preview."));
    return Scroll.around(Wrap.lines(lines, width), choices.selected() + 2, height);
  }

  @Override
  public Step key(KeyStroke key) {
    return choices.key(key);
  }
}
