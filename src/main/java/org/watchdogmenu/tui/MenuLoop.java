package org.watchdogmenu.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The menu's loop: a stack of views, keys to steps, a redraw after each. Esc goes back, {@code q}
 * and Ctrl-C quit, {@code ?} opens the help; end of input (a dropped connection) quits too.
 */
final class MenuLoop {
  private final Screen screen;
  private final Painter painter;
  private final Look look;
  private final String notice;
  private final List<View> stack = new ArrayList<>();
  private String message;
  private boolean done;

  MenuLoop(Screen screen, Look look, View first, String notice) {
    this.screen = screen;
    this.look = look;
    this.painter = new Painter(screen, look);
    this.notice = notice;
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
      if (screen.doResizeIfNecessary() != null || top().tick()) {
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

  boolean done() {
    return done;
  }

  View top() {
    return stack.get(stack.size() - 1);
  }

  void draw() throws IOException {
    painter.paint(stack, message != null ? message : notice);
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
    Step step = top().key(key);
    if (!step.handled()) {
      step = shared(key);
    }
    apply(step);
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
          return Step.open(TextView.help(look));
        default:
          break;
      }
    }
    return Step.say(null);
  }

  private void apply(Step step) throws IOException {
    message = step.message();
    if (step.quit()) {
      done = true;
      return;
    }
    if (step.work() != null) {
      draw();
      apply(step.work().get());
      return;
    }
    for (int i = 0; i < step.pops() && stack.size() > 1; i++) {
      stack.remove(stack.size() - 1);
    }
    if (step.open() != null) {
      stack.add(step.open());
    }
  }
}
