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
  public List<String> help() {
    return List.of(
        "What a command printed (a health check, a restart, a test alert) or why "
            + "something was not done, whole: lines with FAIL, DENIED or Failed are red, "
            + "WARNING and SKIPPED yellow. Arrows and PgUp/PgDn scroll, Enter or Esc go back.");
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
}
