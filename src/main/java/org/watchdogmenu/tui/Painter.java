package org.watchdogmenu.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a frame: breadcrumb on top, the view's body in a box, a message row and the footer with the
 * keys. A terminal below {@link #MIN_COLUMNS}x{@link #MIN_ROWS} gets a message instead.
 */
final class Painter {
  static final int MIN_COLUMNS = 60;
  static final int MIN_ROWS = 16;

  private final Screen screen;
  private final Look look;

  Painter(Screen screen, Look look) {
    this.screen = screen;
    this.look = look;
  }

  /** The rows and columns a body gets on a terminal of this size. */
  static TerminalSize bodySize(TerminalSize terminal) {
    return new TerminalSize(terminal.getColumns() - 4, terminal.getRows() - 5);
  }

  void paint(List<View> stack, String message) throws IOException {
    screen.doResizeIfNecessary();
    TerminalSize size = screen.getTerminalSize();
    screen.clear();
    TextGraphics g = screen.newTextGraphics();
    int w = size.getColumns();
    int h = size.getRows();
    if (w < MIN_COLUMNS || h < MIN_ROWS) {
      small(g, w, h);
      screen.refresh(Screen.RefreshType.COMPLETE);
      return;
    }
    View view = stack.get(stack.size() - 1);
    g.enableModifiers(SGR.BOLD);
    g.putString(0, 0, look.fit(crumbs(stack, w), w));
    g.disableModifiers(SGR.BOLD);
    box(g, w, h);
    TerminalSize body = bodySize(size);
    List<Line> lines = view.body(body.getColumns(), body.getRows());
    for (int i = 0; i < lines.size() && i < body.getRows(); i++) {
      line(g, 2, 2 + i, body.getColumns(), lines.get(i));
    }
    if (message != null) {
      tone(g, message.startsWith("Not ") || message.startsWith("Cannot") ? Tone.WARN : Tone.PLAIN);
      g.putString(0, h - 2, look.fit(message, w));
      plain(g);
    }
    g.enableModifiers(SGR.REVERSE);
    g.putString(0, h - 1, pad(look.fit(footer(view, stack.size() > 1, w), w), w));
    g.disableModifiers(SGR.REVERSE);
    TerminalPosition cursor = view.cursor();
    screen.setCursorPosition(cursor == null ? null : cursor.withRelative(2, 2));
    screen.refresh();
  }

  /** The breadcrumb; when too long, the first parts give way to an ellipsis. */
  private String crumbs(List<View> stack, int w) {
    List<String> parts = new ArrayList<>();
    parts.add("watchdog-menu");
    stack.forEach(v -> parts.add(v.crumb()));
    String sep = look.crumbSeparator();
    String text = String.join(sep, parts);
    while (text.length() > w && parts.size() > 2) {
      parts.remove(0);
      text = look.ellipsis() + sep + String.join(sep, parts);
    }
    return text;
  }

  /** The view's keys and the shared ones; the shared ones always fit, the view's as many as fit. */
  private String footer(View view, boolean canGoBack, int w) {
    List<String> shared = new ArrayList<>();
    if (canGoBack) {
      shared.add("Esc back");
    }
    shared.add("q quit");
    shared.add("? help");
    List<String> own = new ArrayList<>(view.keys(look));
    String text;
    do {
      List<String> all = new ArrayList<>(own);
      all.addAll(shared);
      text = String.join("  ", all);
      if (text.length() <= w || own.isEmpty()) {
        return text;
      }
      own.remove(own.size() - 1);
    } while (true);
  }

  private void small(TextGraphics g, int w, int h) {
    List<String> words =
        List.of(
            "Terminal too small:",
            w + "x" + h + ", the menu needs " + MIN_COLUMNS + "x" + MIN_ROWS + ".",
            "Make the window larger,",
            "or press q to quit.");
    for (int i = 0; i < words.size() && i < h; i++) {
      g.putString(0, i, look.fit(words.get(i), w));
    }
  }

  private void box(TextGraphics g, int w, int h) {
    int top = 1;
    int bottom = h - 3;
    for (int x = 1; x < w - 1; x++) {
      g.setCharacter(x, top, look.horizontal());
      g.setCharacter(x, bottom, look.horizontal());
    }
    for (int y = top + 1; y < bottom; y++) {
      g.setCharacter(0, y, look.vertical());
      g.setCharacter(w - 1, y, look.vertical());
    }
    g.setCharacter(0, top, look.topLeft());
    g.setCharacter(w - 1, top, look.topRight());
    g.setCharacter(0, bottom, look.bottomLeft());
    g.setCharacter(w - 1, bottom, look.bottomRight());
  }

  private void line(TextGraphics g, int x, int y, int width, Line line) {
    String text = line.text();
    String state = line.state() == null ? null : "[" + line.state() + "]";
    int room = width;
    if (state != null) {
      int label = text.stripTrailing().length();
      room = Math.max(width - state.length() - 1, Math.min(text.length(), label + 1));
      room = Math.min(room, Math.max(width * 3 / 5, width - state.length() - 1));
      room = Math.max(0, Math.min(room, width - 4));
    }
    String shown = look.fit(text.length() > room ? text.stripTrailing() : text, room);
    if (line.selected()) {
      g.enableModifiers(SGR.REVERSE);
    }
    tone(g, line.tone());
    g.putString(x, y, shown);
    if (state != null) {
      tone(g, line.stateTone());
      g.putString(x + shown.length() + 1, y, look.fit(state, width - shown.length() - 1));
    }
    plain(g);
    g.disableModifiers(SGR.REVERSE);
  }

  private void tone(TextGraphics g, Tone tone) {
    if (tone == Tone.HEAD) {
      g.enableModifiers(SGR.BOLD);
    }
    if (!look.color()) {
      return;
    }
    switch (tone) {
      case ON -> g.setForegroundColor(TextColor.ANSI.CYAN);
      case OFF -> g.setForegroundColor(TextColor.ANSI.BLACK_BRIGHT);
      case WARN -> g.setForegroundColor(TextColor.ANSI.YELLOW);
      case BAD -> g.setForegroundColor(TextColor.ANSI.RED);
      default -> g.setForegroundColor(TextColor.ANSI.DEFAULT);
    }
  }

  private static void plain(TextGraphics g) {
    g.setForegroundColor(TextColor.ANSI.DEFAULT);
    g.disableModifiers(SGR.BOLD);
  }

  private static String pad(String s, int w) {
    return s.length() >= w ? s : s + " ".repeat(w - s.length());
  }
}
