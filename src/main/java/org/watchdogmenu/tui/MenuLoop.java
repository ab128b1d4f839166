package org.watchdogmenu.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The menu's loop: a stack of views, keys to steps, a redraw after each. Esc goes back, {@code q}
 * and Ctrl-C quit, {@code ?} opens the help of the screen; end of input (a dropped connection)
 * quits too. What a step says stays under the view until the next key; when it is longer than its
 * room, Page Up and Page Down scroll it. As a last resort, a screen that fails in a way nothing
 * else foresaw is named in one notice line and the menu goes on.
 */
final class MenuLoop {
  /** The words of the last resort's notice. */
  static final String UNEXPECTED = "stopped on an unexpected error";

  private final Screen screen;
  private final Painter painter;
  private final Look look;
  private final Optional<String> readOnly;
  private final List<View> stack = new ArrayList<>();
  private Optional<Notice> notice = Optional.empty();
  private int noticeTop;
  private int noticeHidden;
  private boolean done;

  /**
   * @param readOnly why nothing may be changed in this run (shown in a banner on every screen);
   *     empty when it may
   */
  MenuLoop(Screen screen, Look look, View first, Optional<String> readOnly) {
    this.screen = screen;
    this.look = look;
    this.painter = new Painter(screen, look);
    this.readOnly = readOnly;
    stack.add(first);
  }

  /** Runs until the operator quits or the input ends. */
  void run() throws IOException {
    draw();
    while (!done) {
      KeyStroke key = screen.pollInput();
      if (key != null) {
        handle(key);
        if (!done) {
          draw();
        }
        continue;
      }
      if (screen.doResizeIfNecessary() != null) {
        painter.redrawAll();
        draw();
      } else if (ticked()) {
        draw();
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The top view's tick; one that fails is named once and not ticked again. */
  boolean ticked() {
    View view = top();
    try {
      return view.tick();
    } catch (RuntimeException e) {
      stack.remove(stack.size() - 1);
      if (stack.isEmpty()) {
        stack.add(view);
      }
      say(unexpected(view));
      return true;
    }
  }

  boolean done() {
    return done;
  }

  View top() {
    return stack.get(stack.size() - 1);
  }

  /** What the menu says under the view now, if anything. */
  Optional<Notice> notice() {
    return notice.or(() -> top().standing());
  }

  /** Says {@code what} under the view until the next key, as a step's notice would. */
  void say(Notice what) {
    notice = Optional.of(what);
    noticeTop = 0;
  }

  void draw() throws IOException {
    boolean emptied = false;
    while (true) {
      try {
        noticeHidden = painter.paint(stack, notice(), noticeTop, readOnly);
        return;
      } catch (RuntimeException e) {
        // a screen that cannot draw itself: back to the one under it, or to an empty one
        View view = top();
        if (stack.size() > 1) {
          stack.remove(stack.size() - 1);
        } else if (!emptied) {
          stack.set(0, new TextView(view.crumb(), List.of()));
          emptied = true;
        } else {
          throw e;
        }
        say(unexpected(view));
      }
    }
  }

  /** One key: the view first, then the keys every view shares. */
  void handle(KeyStroke key) throws IOException {
    if (key.getKeyType() == KeyType.EOF
        || (key.isCtrlDown()
            && key.getKeyType() == KeyType.Character
            && key.getCharacter() == 'c')) {
      done = true;
      return;
    }
    if (tooSmall()) {
      done = key.getKeyType() == KeyType.Character && key.getCharacter() == 'q';
      return;
    }
    if (scrollsNotice(key)) {
      return;
    }
    View view = top();
    try {
      Step step = view.key(key);
      if (!step.handled()) {
        step = shared(key);
      }
      apply(step);
    } catch (RuntimeException e) {
      // nothing foresaw it: named in one line, no Java words; the menu goes on
      say(unexpected(view));
    }
  }

  /** The notice of the last resort: which screen (and item) failed, in the tool's words. */
  private static Notice unexpected(View view) {
    Optional<String> item = view instanceof MenuView menu ? menu.selectedLabel() : Optional.empty();
    String what = item.map(i -> "\"" + i + "\" on " + view.crumb()).orElse(view.crumb());
    return new Notice(
        "Failed: "
            + what
            + " "
            + UNEXPECTED
            + "; nothing more was done. Try again, or"
            + " use the same from the command line (watchdog-menu --help).",
        Notice.Kind.PROBLEM);
  }

  /** Page Up and Page Down move through a notice longer than its room; true when they did. */
  private boolean scrollsNotice(KeyStroke key) {
    if (notice().isEmpty() || (noticeHidden == 0 && noticeTop == 0)) {
      return false;
    }
    if (key.getKeyType() == KeyType.PageDown) {
      noticeTop += Math.min(noticeHidden, 5);
      return true;
    }
    if (key.getKeyType() == KeyType.PageUp) {
      noticeTop = Math.max(0, noticeTop - 5);
      return true;
    }
    return false;
  }

  private boolean tooSmall() {
    var size = screen.getTerminalSize();
    return size.getColumns() < Painter.MIN_COLUMNS || size.getRows() < Painter.MIN_ROWS;
  }

  private Step shared(KeyStroke key) {
    if (key.getKeyType() == KeyType.Escape) {
      return stack.size() > 1 ? Step.BACK : Step.say("This is the first screen: q quits.");
    }
    if (key.getKeyType() == KeyType.Character) {
      switch (key.getCharacter()) {
        case 'q':
          return Step.QUIT;
        case '?':
          if (top() instanceof HelpView) {
            return Step.say("This is the help of " + stack.get(stack.size() - 2).crumb() + ".");
          }
          return Step.open(HelpView.of(top(), look, readOnly));
        default:
          break;
      }
    }
    return Step.STAY;
  }

  private void apply(Step step) throws IOException {
    notice = step.notice();
    noticeTop = 0;
    if (step.quit()) {
      done = true;
      return;
    }
    if (step.work().isPresent()) {
      draw();
      apply(step.work().get().get());
      return;
    }
    for (int i = 0; i < step.pops() && stack.size() > 1; i++) {
      stack.remove(stack.size() - 1);
    }
    step.open().ifPresent(stack::add);
  }
}
