package org.watchdogmenu.tui;

import java.util.ArrayList;
import java.util.List;

/** "Add a target of your own", first step: what the new target is; its form follows. */
final class NewTargetView extends MenuView {
  private final Session session;

  NewTargetView(Session session) {
    this.session = session;
  }

  @Override
  List<Choice> items() {
    List<Choice> items = new ArrayList<>();
    for (NewTargetForm.Kind kind : NewTargetForm.Kind.values()) {
      items.add(Choice.of(kind.words(), () -> Step.open(NewTargetForm.form(session, kind))));
    }
    return items;
  }

  @Override
  List<Line> head() {
    return List.of(Line.of("What does the new target watch?", Tone.HEAD), Line.of(""));
  }

  @Override
  List<Line> foot() {
    return List.of(
        Line.of(""),
        Line.of("Its file goes to /etc/watchdog-menu/targets/ID.yaml after a preview."));
  }

  @Override
  public String crumb() {
    return "Add a target";
  }

  @Override
  public List<String> help() {
    return List.of(
        "Add a target of your own: pick what it watches; a form asks for its service and "
            + "probes, and saving shows the preview of its file in /etc/watchdog-menu/targets/. "
            + "Nothing is written before a, then y.");
  }
}
