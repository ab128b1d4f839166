package org.watchdogmenu.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A form of text fields: pick a field to type its value (each value is checked before it is kept),
 * then the last item hands the values on, after checking them all, e.g. to make a preview. Nothing
 * is written here. The last refusal ("Not kept: ...", or a step from the hand-on whose message
 * starts with "Not ") stays in the form, folded to the width, until a value is kept or dropped.
 */
final class FormView implements View {
  private final String crumb;
  private final List<String> intro;
  private final List<Field> fields;
  private final String submitLabel;
  private final Function<List<String>, Step> submit;
  private final Choices choices;
  private int editing = -1;
  private LineEditor editor;
  private TerminalPosition cursor;
  private String refusal;

  /**
   * @param submit gets the values, in the order of the fields, once all pass their checks; a step
   *     that only says "Not ..." leaves the form open with that line in it
   */
  FormView(
      String crumb,
      List<String> intro,
      List<Field> fields,
      String submitLabel,
      Function<List<String>, Step> submit) {
    this.crumb = crumb;
    this.intro = List.copyOf(intro);
    this.fields = new ArrayList<>(fields);
    this.submitLabel = submitLabel;
    this.submit = submit;
    this.choices = new Choices(items());
  }

  /** The values as they stand, in the order of the fields. */
  List<String> values() {
    return fields.stream().map(Field::value).toList();
  }

  boolean editing() {
    return editing >= 0;
  }

  @Override
  public String crumb() {
    return crumb;
  }

  @Override
  public List<String> keys(Look look) {
    if (editing()) {
      return List.of("Enter keep", "Esc drop the change", "Ctrl-U clear");
    }
    return choices.keys(look);
  }

  @Override
  public List<Line> body(int width, int height) {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < intro.size(); i++) {
      lines.add(Line.of(intro.get(i), i == 0 ? Tone.HEAD : Tone.PLAIN));
    }
    if (refusal != null) {
      lines.add(Line.of(""));
      lines.add(Line.of(refusal, Tone.BAD));
    }
    lines.add(Line.of(""));
    if (editing()) {
      Field f = fields.get(editing);
      lines.add(Line.of(f.label() + ":", Tone.HEAD));
      lines = new ArrayList<>(Wrap.lines(lines, width));
      int room = Math.max(1, width - 2);
      List<Line> help =
          Wrap.lines(
              List.of(
                  Line.of(f.hint(), Tone.OFF),
                  Line.of("Enter keeps the value (it is checked first); Esc drops the change.")),
              width);
      // a long intro on a small screen gives way first: the field being typed stays in sight
      int over = lines.size() + 1 + Math.min(help.size(), 1) - height;
      if (over > 0) {
        lines = new ArrayList<>(lines.subList(Math.min(over, lines.size() - 1), lines.size()));
      }
      cursor = new TerminalPosition(2 + editor.windowCursor(room), lines.size());
      lines.add(Line.of("> " + editor.window(room)));
      lines.addAll(help);
      return lines.subList(0, Math.min(lines.size(), height));
    }
    cursor = null;
    choices.update(items());
    lines = new ArrayList<>(Wrap.lines(lines, width));
    int head = lines.size();
    lines.addAll(choices.lines());
    return Scroll.around(lines, choices.selected() + head, height);
  }

  @Override
  public TerminalPosition cursor() {
    return cursor;
  }

  @Override
  public Step key(KeyStroke key) {
    if (!editing()) {
      return choices.key(key);
    }
    switch (key.getKeyType()) {
      case Enter -> {
        Field f = fields.get(editing);
        Field typed = f.with(editor.text().strip());
        String problem = typed.problem();
        if (problem != null) {
          return refuse(Step.say("Not kept: " + f.label() + ": " + problem));
        }
        fields.set(editing, typed);
        editing = -1;
        refusal = null;
        return Step.say(f.label() + ": kept (nothing is written yet)");
      }
      case Escape -> {
        String label = fields.get(editing).label();
        editing = -1;
        refusal = null;
        return Step.say(label + ": unchanged");
      }
      default -> {
        editor.key(key);
        return Step.STAY;
      }
    }
  }

  private List<Choice> items() {
    List<Choice> items = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      int index = i;
      boolean empty = f.value().isEmpty();
      items.add(
          new Choice(
              f.label(),
              empty ? "empty" : f.listed(),
              empty ? Tone.OFF : Tone.ON,
              null,
              () -> edit(index)));
    }
    items.add(Choice.of(submitLabel, this::submit));
    return items;
  }

  private Step edit(int index) {
    editing = index;
    editor = new LineEditor(fields.get(index).value());
    return Step.say(fields.get(index).hint());
  }

  private Step submit() {
    for (Field f : fields) {
      String problem = f.problem();
      if (problem != null) {
        return refuse(Step.say("Not yet: " + f.label() + ": " + problem));
      }
    }
    return refuse(submit.apply(values()));
  }

  /** Keeps the step's message in the form when it refuses (says "Not ..." and opens nothing). */
  private Step refuse(Step step) {
    if (step.open() == null
        && step.pops() == 0
        && step.message() != null
        && step.message().startsWith("Not ")) {
      refusal = step.message();
    }
    return step;
  }
}
