package org.watchdogmenu.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A form of text fields: pick a field to type its value (each value is checked before it is kept),
 * then the last item hands the values on, after checking them all, e.g. to make a preview. Nothing
 * is written here. Changed fields are marked with {@code *}; leaving the form with changes asks
 * first. The last refusal ("Not kept: ...", or a step from the hand-on whose message starts with
 * "Not ") stands under the form, whole, until the value it is about is fixed (as soon as the text
 * typed passes), or, for a refusal of the whole form, until a value is kept.
 */
final class FormView implements View {
  /** A key of the catalog at the start of a problem, e.g. {@code 'probes[2].port' must be ...}. */
  private static final Pattern KEY =
      Pattern.compile("^'([a-z_]+(\\[\\d+])?(\\.[a-z_]+(\\[\\d+])?)*)' ");

  private final String crumb;
  private final List<String> intro;
  private final List<Field> fields;
  private final List<String> initial;
  private final String submitLabel;
  private final Function<List<String>, Step> submit;
  private final Choices choices;
  private final Pending pending = new Pending();
  private int editing = -1;
  private LineEditor editor;
  private Optional<TerminalPosition> cursor = Optional.empty();
  private Optional<String> refusal = Optional.empty();
  private int refusalField = -1;

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
    this.initial = fields.stream().map(Field::value).toList();
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

  /** How many fields differ from the values the form opened with. */
  int changes() {
    int n = 0;
    for (int i = 0; i < fields.size(); i++) {
      n += fields.get(i).value().equals(initial.get(i)) ? 0 : 1;
    }
    return n;
  }

  @Override
  public String crumb() {
    return crumb;
  }

  @Override
  public boolean typing() {
    return editing();
  }

  @Override
  public List<String> keys(Look look) {
    if (editing()) {
      return List.of("Enter keep", "Esc drop the change", "Ctrl-U clear", "Home End move");
    }
    return choices.keys(look);
  }

  @Override
  public List<String> help() {
    return List.of(
        "A form: pick a field and type its value. Enter keeps it (it is checked first and "
            + "the problem shows here when it does not pass), Esc drops what you typed, Ctrl-U "
            + "clears the field; while you type, q and ? are letters.",
        "A field marked * was changed and is not saved yet. The last item checks every "
            + "value and shows the preview of the file: nothing is written before you apply "
            + "that preview (a, then y). Esc with changes asks before dropping them. Secrets "
            + "are listed masked.");
  }

  @Override
  public List<Line> body(int width, int height) {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < intro.size(); i++) {
      lines.add(Line.of(intro.get(i), i == 0 ? Tone.HEAD : Tone.PLAIN));
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
      cursor = Optional.of(new TerminalPosition(2 + editor.windowCursor(room), lines.size()));
      lines.add(Line.of("> " + editor.window(room)));
      lines.addAll(help);
      return lines.subList(0, Math.min(lines.size(), height));
    }
    cursor = Optional.empty();
    choices.update(items());
    lines = new ArrayList<>(Wrap.lines(lines, width));
    int head = lines.size();
    lines.addAll(choices.lines());
    if (changes() > 0) {
      lines.add(Line.of(""));
      lines.addAll(
          Wrap.lines(
              List.of(Line.of("* changed, not saved yet: " + submitLabel + " to go on", Tone.OFF)),
              width));
    }
    return Scroll.around(lines, choices.selected() + head, height);
  }

  @Override
  public Optional<Notice> standing() {
    return shownRefusal().map(problem -> new Notice(problem, Notice.Kind.PROBLEM));
  }

  /** The refusal, unless the value it was about now passes its check. */
  private Optional<String> shownRefusal() {
    if (refusal.isEmpty() || refusalField < 0) {
      return refusal;
    }
    Field f = fields.get(refusalField);
    String value = editing == refusalField ? editor.text().strip() : f.value();
    return f.with(value).problem().isEmpty() ? Optional.empty() : refusal;
  }

  @Override
  public Optional<TerminalPosition> cursor() {
    return cursor;
  }

  @Override
  public Step key(KeyStroke key) {
    if (pending.armed()) {
      return pending.answer(key);
    }
    if (!editing()) {
      if (key.getKeyType() == KeyType.Escape && changes() > 0) {
        int n = changes();
        return pending.ask(
            "Discard " + n + (n == 1 ? " change" : " changes") + " to this form?",
            () -> Step.back(1, "Discarded: nothing was written."),
            "Kept: the form still has your " + (n == 1 ? "change" : "changes") + ".");
      }
      return choices.key(key);
    }
    switch (key.getKeyType()) {
      case Enter -> {
        Field f = fields.get(editing);
        Field typed = f.with(editor.text().strip());
        Optional<String> problem = typed.problem();
        if (problem.isPresent()) {
          int at = editing;
          Step step = refuse(Step.say("Not kept: " + words(f, problem.get())));
          refusalField = at;
          return step;
        }
        fields.set(editing, typed);
        editing = -1;
        refusal = Optional.empty();
        return Step.say(f.label() + ": kept (nothing is written yet)");
      }
      case Escape -> {
        String label = fields.get(editing).label();
        editing = -1;
        refusal = Optional.empty();
        return Step.say(label + ": unchanged");
      }
      default -> {
        editor.key(key);
        return Step.STAY;
      }
    }
  }

  /**
   * A field's problem in words: its label, not the catalog's key ({@code 'probes[2].port' must
   * be...} becomes {@code Probe 3 (tcp-listen): port must be ...}).
   */
  static String words(Field f, String problem) {
    Matcher m = KEY.matcher(problem);
    if (m.find()) {
      String key = m.group(1);
      boolean path = key.contains(".") || key.contains("[");
      if (path || key.equals(f.label().toLowerCase(java.util.Locale.ROOT).replace(' ', '_'))) {
        return f.label() + " " + problem.substring(m.end());
      }
    }
    return f.label() + ": " + problem;
  }

  private List<Choice> items() {
    List<Choice> items = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      int index = i;
      boolean empty = f.value().isEmpty();
      boolean changed = initial != null && !f.value().equals(initial.get(i));
      items.add(
          new Choice(
              f.label() + (changed ? " *" : ""),
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
    // the hint shows under the field being typed, not again in the panel
    return Step.STAY;
  }

  private Step submit() {
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      Optional<String> problem = f.problem();
      if (problem.isPresent()) {
        Step step = refuse(Step.say("Not yet: " + words(f, problem.get())));
        refusalField = i;
        return step;
      }
    }
    return refuse(submit.apply(values()));
  }

  /**
   * Keeps the step's message in the form when it refuses (says "Not ..." and opens nothing): it
   * then stands under the form until it is fixed, instead of going with the next key.
   */
  private Step refuse(Step step) {
    Optional<String> message = step.message();
    if (step.open().isEmpty()
        && step.pops() == 0
        && step.work().isEmpty()
        && message.filter(m -> m.startsWith("Not ")).isPresent()) {
      refusal = message;
      refusalField = -1;
      return Step.STAY;
    }
    return step;
  }

  /** The refusal standing under the form now, if any. */
  Optional<String> refusal() {
    return standing().map(Notice::text);
  }
}
