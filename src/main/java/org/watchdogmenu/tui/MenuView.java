package org.watchdogmenu.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A screen that is a numbered menu under a few lines of its own. The items are read again before
 * every draw, so the states they show are those of the files now; the highlight stays where it was.
 */
abstract class MenuView implements View {
  private Choices choices;

  /** The items, each with its state as it is now. */
  abstract List<Choice> items();

  /** The lines above the menu (wrapped to the width); none unless a screen has some. */
  List<Line> head() {
    return List.of();
  }

  /** The lines below the menu (wrapped to the width). */
  List<Line> foot() {
    return List.of();
  }

  /** Called once, when the menu is first made (e.g. to highlight the recommended item). */
  void started(Choices menu) {}

  private Choices choices() {
    if (choices == null) {
      choices = new Choices(items());
      started(choices);
    }
    return choices;
  }

  /** The label of the highlighted item (the one a pick just chose); empty before any. */
  Optional<String> selectedLabel() {
    if (choices == null || choices.items().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(choices.items().get(choices.selected()).label());
  }

  @Override
  public List<String> keys(Look look) {
    return choices().keys(look);
  }

  @Override
  public List<Line> body(int width, int height) {
    if (choices == null) {
      choices();
    } else {
      choices.update(items());
    }
    List<Line> lines = new ArrayList<>(Wrap.lines(head(), width));
    int first = lines.size();
    lines.addAll(choices.lines());
    lines.addAll(Wrap.lines(foot(), width));
    return Scroll.around(lines, choices.selected() + first, height);
  }

  @Override
  public Step key(KeyStroke key) {
    return choices().key(key);
  }
}
