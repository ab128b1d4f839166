package org.watchdogmenu.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.List;

/** Lines to read: what a health check, a restart or a test alert printed, the help. */
final class TextView implements View {
  private final String crumb;
  private final List<Line> lines;
  private final TextPane pane = new TextPane();

  TextView(String crumb, List<String> text) {
    this.crumb = crumb;
    this.lines = text.stream().map(TextView::line).toList();
  }

  private static Line line(String text) {
    if (text.contains("FAIL")
        || text.contains("DENIED")
        || text.contains("NOT delivered")
        || text.startsWith("Failed")) {
      return Line.of(text, Tone.BAD);
    }
    if (text.contains("WARNING") || text.contains("SKIPPED")) {
      return Line.of(text, Tone.WARN);
    }
    return Line.of(text);
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
    return pane.window(Wrap.lines(lines, width), height);
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

  /** The help screen: what the keys do everywhere. */
  static TextView help(Look look) {
    return new TextView(
        "Help",
        List.of(
            "Keys",
            "  1-9          pick the numbered item (menus of up to 9 items)",
            "  digits Enter pick a numbered item in a longer menu (e.g. 1 0 Enter)",
            "  " + look.upDown() + "  Enter    move the highlight and pick it",
            "  Esc          back one level",
            "  q            quit (Ctrl-C too; a change in progress finishes first)",
            "  ?            this help",
            "",
            "Nothing is changed on a single key: every change shows a preview first",
            "(files with a diff, commands, the equivalent command line). Enter or Esc",
            "cancels it; a then y applies it. Restart now and Clear restart history",
            "ask first; press y to go ahead.",
            "",
            "Log viewer: f follow, / search, n next match, t other log, End jump to end.",
            "",
            "Forms (Settings, Add a target): pick a field and type; Enter keeps the value",
            "(it is checked first), Esc drops it, Ctrl-U clears. Save shows the preview.",
            "",
            "Every action has a command-line twin: watchdog-menu status, check, restart,",
            "reset, logs, enable, disable, sudoers, linger, units, alert, target",
            "(see watchdog-menu --help)."));
  }
}
