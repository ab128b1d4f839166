package org.watchdogmenu.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;

/**
 * A numbered menu: a digit picks an item directly when there are at most nine; with more, digits
 * are typed and Enter picks. Arrows move the highlight and Enter picks it. An item with a letter of
 * its own ({@link Choice#key}) is picked by that letter and takes no number.
 */
final class Choices {
  private List<Choice> items;
  private int selected;
  private String typed = "";

  Choices(List<Choice> items) {
    this.items = List.copyOf(items);
  }

  /** New items (their states read again), keeping the highlight and typed digits. */
  void update(List<Choice> fresh) {
    items = List.copyOf(fresh);
    select(selected);
  }

  int selected() {
    return selected;
  }

  List<Choice> items() {
    return items;
  }

  void select(int index) {
    selected = Math.max(0, Math.min(items.size() - 1, index));
  }

  /** Footer keys for this menu. */
  List<String> keys(Look look) {
    int n = numbered().size();
    StringBuilder letters = new StringBuilder();
    items.stream().filter(c -> c.key() != 0).forEach(c -> letters.append('/').append(c.key()));
    String digits = (n <= 9 ? "1-" + n : "number+Enter") + letters + " pick";
    return List.of(digits, look.upDown() + " move", "Enter open");
  }

  Step key(KeyStroke k) {
    if (k.getKeyType() == KeyType.Character && Character.isDigit(k.getCharacter())) {
      return digit(k.getCharacter() - '0');
    }
    if (k.getKeyType() == KeyType.Character && !k.isCtrlDown() && !k.isAltDown()) {
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i).key() != 0 && items.get(i).key() == k.getCharacter()) {
          typed = "";
          select(i);
          return pick(i);
        }
      }
    }
    switch (k.getKeyType()) {
      case ArrowUp:
        typed = "";
        select(selected - 1);
        return Step.STAY;
      case ArrowDown:
        typed = "";
        select(selected + 1);
        return Step.STAY;
      case Home:
        select(0);
        return Step.STAY;
      case End:
        select(items.size() - 1);
        return Step.STAY;
      case Backspace:
        typed = typed.isEmpty() ? "" : typed.substring(0, typed.length() - 1);
        return typed.isEmpty() ? Step.STAY : Step.say("Number: " + typed);
      case Enter:
        if (!typed.isEmpty()) {
          int n = Integer.parseInt(typed);
          typed = "";
          return pickNumber(n);
        }
        return pick(selected);
      default:
        return Step.UNHANDLED;
    }
  }

  /** The indexes of the items that have a number, in order. */
  private List<Integer> numbered() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).key() == 0) {
        out.add(i);
      }
    }
    return out;
  }

  private Step digit(int d) {
    List<Integer> numbered = numbered();
    if (numbered.size() <= 9) {
      return pickNumber(d);
    }
    typed = (typed + d).length() > 3 ? String.valueOf(d) : typed + d;
    int n = Integer.parseInt(typed);
    if (n >= 1 && n <= numbered.size()) {
      select(numbered.get(n - 1));
    }
    return Step.say("Number: " + typed + " (Enter picks it)");
  }

  private Step pickNumber(int n) {
    List<Integer> numbered = numbered();
    if (n < 1 || n > numbered.size()) {
      return Step.say("There is no item " + n + ": pick 1 to " + numbered.size());
    }
    select(numbered.get(n - 1));
    return pick(numbered.get(n - 1));
  }

  private Step pick(int index) {
    Choice c = items.get(index);
    if (c.disabled() != null) {
      return Step.say("Not available: " + c.disabled());
    }
    return c.action().get();
  }

  /** The items as lines, {@code 1) label [state]}, labels padded so the states line up. */
  List<Line> lines() {
    int labelWidth = 0;
    for (int i = 0; i < items.size(); i++) {
      labelWidth = Math.max(labelWidth, prefix(i).length() + items.get(i).label().length());
    }
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Choice c = items.get(i);
      String text = prefix(i) + c.label();
      Tone tone = c.disabled() == null ? Tone.PLAIN : Tone.OFF;
      String state = c.state();
      if (c.disabled() != null && state == null) {
        state = "not available";
      }
      if (state != null) {
        text = text + " ".repeat(labelWidth - text.length() + 2);
      }
      out.add(
          new Line(
              text, tone, state, c.disabled() == null ? c.stateTone() : Tone.OFF, i == selected));
    }
    return out;
  }

  private String prefix(int i) {
    boolean wide = numbered().size() > 9;
    if (items.get(i).key() != 0) {
      return (wide ? " " : "") + items.get(i).key() + ") ";
    }
    String n = String.valueOf(numbered().indexOf(i) + 1);
    return (wide && n.length() == 1 ? " " : "") + n + ") ";
  }
}
