package org.watchdogmenu.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The help of one screen ({@code ?}): what that screen is for, its keys, what its colours and state
 * words mean, then the keys every screen shares.
 */
final class HelpView implements View {
  private final String crumb;
  private final List<Line> lines;
  private final TextPane pane = new TextPane();

  private HelpView(String crumb, List<Line> lines) {
    this.crumb = crumb;
    this.lines = List.copyOf(lines);
  }

  /** The help of {@code view}, and why nothing may be changed when {@code readOnly} says so. */
  static HelpView of(View view, Look look, Optional<String> readOnly) {
    List<Line> lines = new ArrayList<>();
    List<String> own = view.help();
    lines.add(Line.of("This screen: " + view.crumb(), Tone.HEAD));
    if (own.isEmpty()) {
      lines.add(Line.of("Its keys are in the footer: " + String.join(", ", view.keys(look)) + "."));
    } else {
      own.forEach(l -> lines.add(Line.of(l)));
    }
    if (readOnly.isPresent()) {
      lines.add(Line.of(""));
      lines.add(Line.of("Read-only: " + readOnly.get(), Tone.WARN));
    }
    lines.add(Line.of(""));
    shared(look).forEach(l -> lines.add(l));
    return new HelpView("Help", lines);
  }

  /** The keys and rules every screen shares. */
  static List<Line> shared(Look look) {
    List<Line> lines = new ArrayList<>();
    lines.add(Line.of("Keys on every screen", Tone.HEAD));
    lines.add(Line.of("  1-9          pick the numbered item (menus of up to 9 items)"));
    lines.add(Line.of("  digits Enter pick an item of a longer menu (1 0 Enter)"));
    lines.add(Line.of("  " + look.upDown() + "  Enter    move the highlight and pick it"));
    lines.add(Line.of("  PgUp PgDn    scroll a long screen or a long message"));
    lines.add(Line.of("  Esc          back one level"));
    lines.add(Line.of("  q            quit (Ctrl-C too; a change in progress finishes)"));
    lines.add(Line.of("  ?            the help of the screen you are on"));
    lines.add(Line.of(""));
    for (String p :
        List.of(
            "Nothing is changed on a single key: every change shows a preview first (files"
                + " with a diff, commands, the equivalent command line); a then y applies it."
                + " A question waits for y; n or any other key cancels it.",
            "Words in [brackets] say the state; colour only repeats them: cyan on, grey off"
                + " or not available, yellow a warning, red a failure. An arrow on the box's"
                + " edge says how many lines are above or below.",
            "Every action has a command-line twin: watchdog-menu status, check, restart,"
                + " reset, logs, enable, disable, sudoers, linger, units, alert, target, undo"
                + " (see watchdog-menu --help).")) {
      lines.add(Line.of(p));
    }
    return lines;
  }

  @Override
  public String crumb() {
    return crumb;
  }

  @Override
  public List<String> keys(Look look) {
    return List.of(look.upDown() + " scroll", "Enter back");
  }

  @Override
  public List<Line> body(int width, int height) {
    return pane.window(Wrap.prose(lines, width), height);
  }

  @Override
  public Step key(KeyStroke key) {
    if (pane.key(key)) {
      return Step.STAY;
    }
    return switch (key.getKeyType()) {
      case Enter -> Step.BACK;
      default -> Step.UNHANDLED;
    };
  }
}
