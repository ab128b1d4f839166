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
import java.util.Optional;

/**
 * Draws a frame: breadcrumb on top, the read-only banner when nothing may be changed, the view's
 * body in a box (with how many lines are above and below it on the box's edges), the notice in a
 * panel at the bottom of the box (folded to the width, whole, scrolled with Page Up/Down when it is
 * longer than the room), and the footer with the keys. A terminal below {@link #MIN_COLUMNS}x{@link
 * #MIN_ROWS} gets a message instead.
 *
 * <p>Only what changed is sent to the terminal: the frame is drawn into the screen's back buffer
 * and refreshed by difference; the whole screen is sent only at the first frame and after a resize.
 */
final class Painter {
  static final int MIN_COLUMNS = 60;
  static final int MIN_ROWS = 16;

  /** Rows the view keeps while a long notice is shown. */
  private static final int MIN_VIEW_ROWS = 3;

  private final Screen screen;
  private final Look look;
  private boolean complete = true;

  Painter(Screen screen, Look look) {
    this.screen = screen;
    this.look = look;
  }

  /**
   * The next frame is sent whole (after a resize, or when the terminal may show something else).
   */
  void redrawAll() {
    complete = true;
  }

  /**
   * Draws the frame.
   *
   * @param notice what to say under the view, if anything
   * @param noticeTop the first line of the notice shown (when it is longer than its room)
   * @param readOnly why nothing may be changed (the banner); empty when it may
   * @return how many lines of the notice are below what is shown (0 when it fits)
   */
  int paint(List<View> stack, Optional<Notice> notice, int noticeTop, Optional<String> readOnly)
      throws IOException {
    if (screen.doResizeIfNecessary() != null) {
      complete = true;
    }
    TerminalSize size = screen.getTerminalSize();
    TextGraphics g = screen.newTextGraphics();
    g.fill(' ');
    int w = size.getColumns();
    int h = size.getRows();
    if (w < MIN_COLUMNS || h < MIN_ROWS) {
      small(g, w, h);
      screen.setCursorPosition(null);
      refresh();
      return 0;
    }
    View view = stack.get(stack.size() - 1);
    g.enableModifiers(SGR.BOLD);
    g.putString(0, 0, look.fit(crumbs(stack, w), w));
    g.disableModifiers(SGR.BOLD);
    List<String> banner = readOnly.map(r -> banner(r, w)).orElse(List.of());
    for (int i = 0; i < banner.size(); i++) {
      g.enableModifiers(SGR.REVERSE);
      tone(g, Tone.WARN);
      g.putString(0, 1 + i, pad(banner.get(i), w));
      plain(g);
      g.disableModifiers(SGR.REVERSE);
    }
    int top = 1 + banner.size();
    int bottom = h - 2;
    int width = w - 4;
    box(g, w, top, bottom);
    int inner = bottom - top - 1;
    List<String> said = notice.map(n -> folded(n.text(), width)).orElse(List.of());
    int room = Math.max(1, inner - 1 - MIN_VIEW_ROWS);
    int panel = Math.min(said.size(), room);
    int first = Math.max(0, Math.min(noticeTop, said.size() - panel));
    int hidden = said.size() - first - panel;
    int bodyRows = notice.isEmpty() ? inner : inner - panel - 1;
    List<Line> lines = view.body(width, bodyRows);
    for (int i = 0; i < lines.size() && i < bodyRows; i++) {
      line(g, 2, top + 1 + i, width, lines.get(i));
    }
    int edge = top + 1 + bodyRows;
    if (notice.isPresent()) {
      separator(g, w, edge);
      tone(g, notice.get().tone());
      for (int i = 0; i < panel; i++) {
        g.putString(2, edge + 1 + i, said.get(first + i));
      }
      plain(g);
      if (first > 0) {
        mark(g, w, edge, look.up() + " " + first + " more: PgUp");
      }
      if (hidden > 0) {
        mark(g, w, bottom, look.down() + " " + hidden + " more: PgDn");
      }
    }
    if (lines instanceof Visible v) {
      if (v.above() > 0) {
        mark(g, w, top, look.up() + " " + v.above() + " more");
      }
      if (v.below() > 0 && (notice.isEmpty() || first == 0)) {
        mark(g, w, edge, look.down() + " " + v.below() + " more");
      }
    }
    g.enableModifiers(SGR.REVERSE);
    g.putString(0, h - 1, pad(look.fit(footer(view, stack.size() > 1, notice, w), w), w));
    g.disableModifiers(SGR.REVERSE);
    Optional<TerminalPosition> cursor = asks(notice) ? Optional.empty() : view.cursor();
    // Lanterna hides the cursor for a null position
    screen.setCursorPosition(cursor.map(c -> c.withRelative(2, top + 1)).orElse(null));
    refresh();
    return hidden;
  }

  /** Whether the notice is a question waiting for y or n. */
  private static boolean asks(Optional<Notice> notice) {
    return notice.filter(n -> n.kind() == Notice.Kind.QUESTION).isPresent();
  }

  private void refresh() throws IOException {
    screen.refresh(complete ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
    complete = false;
  }

  /** The banner of a read-only run, folded to the width. */
  private List<String> banner(String why, int w) {
    return Wrap.split(look.plain("READ-ONLY. " + why), w);
  }

  /** The notice's lines, each folded to the width: every character shows. */
  private List<String> folded(String text, int width) {
    List<String> out = new ArrayList<>();
    for (String l : look.plain(text).split("\n", -1)) {
      out.addAll(Wrap.split(l, width));
    }
    return out;
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

  /**
   * The keys: while a question waits only y and n; while a field is typed only the view's own keys;
   * else the view's keys and the shared ones, which always fit (the view's as many as fit).
   */
  private String footer(View view, boolean canGoBack, Optional<Notice> notice, int w) {
    if (asks(notice)) {
      return "y yes, go ahead  n no (any other key: no)";
    }
    List<String> shared = new ArrayList<>();
    if (!view.typing()) {
      if (canGoBack) {
        shared.add("Esc back");
      }
      shared.add("q quit");
      shared.add("? help");
    }
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

  private void box(TextGraphics g, int w, int top, int bottom) {
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

  /** The line between the view and the notice. */
  private void separator(TextGraphics g, int w, int y) {
    for (int x = 1; x < w - 1; x++) {
      g.setCharacter(x, y, look.horizontal());
    }
    g.setCharacter(0, y, look.ascii() ? '+' : '├');
    g.setCharacter(w - 1, y, look.ascii() ? '+' : '┤');
  }

  /** A few words on a horizontal edge of the box, at its right. */
  private void mark(TextGraphics g, int w, int y, String text) {
    String t = " " + text + " ";
    g.enableModifiers(SGR.BOLD);
    g.putString(Math.max(1, w - 2 - t.length()), y, t);
    g.disableModifiers(SGR.BOLD);
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
