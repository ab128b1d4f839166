package org.watchdogmenu.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.os.ExecCommandRunner;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.Sleeper;

/** The menu on Lanterna's in-memory terminal: press keys, read the screen, as a person would. */
final class VirtualMenu {
  final DefaultVirtualTerminal terminal;
  final MenuLoop loop;
  final Session session;

  VirtualMenu(Host host, int columns, int rows, Look look) {
    try {
      terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
      TerminalScreen screen = new TerminalScreen(terminal);
      screen.startScreen();
      session = new Session(host, Catalog.load(host.root()), new ApplyGate());
      loop = new MenuLoop(screen, look, new SystemsView(session), session.readOnlyReason());
      loop.draw(); // the first frame as it comes: nothing answered yet

    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Draws, and when the screen asked its service manager something in the background, waits a
   * little for the answers and draws again: the screen a person sees a moment after the key, the
   * same on every run however fast the answers come. A question still out after the wait (a test
   * that holds one) leaves its "checking" words on the screen.
   */
  private void drawSettled() throws IOException {
    int before = session.services().answers();
    loop.draw();
    try {
      session.services().settle(Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (session.services().answers() != before && !loop.done()) {
      loop.draw();
    }
  }

  /** A sandbox host at {@code dir}, run as root. */
  static Host sandbox(Path dir) {
    return new Host(
        new HostRoot(dir), new ExecCommandRunner(), Clock.systemUTC(), Sleeper.SYSTEM, "root");
  }

  /** Typed text: each character one key; {@code \n} is Enter. */
  VirtualMenu type(String keys) {
    for (char c : keys.toCharArray()) {
      press(c == '\n' ? new KeyStroke(KeyType.Enter) : new KeyStroke(c, false, false));
    }
    return this;
  }

  VirtualMenu press(KeyType... keys) {
    for (KeyType k : keys) {
      press(new KeyStroke(k));
    }
    return this;
  }

  VirtualMenu press(KeyStroke key) {
    try {
      loop.handle(key);
      if (!loop.done()) {
        drawSettled();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** What the loop does while no key comes: the top view's tick, and a redraw if it changed. */
  boolean tick() {
    try {
      boolean changed = loop.top().tick();
      if (changed) {
        loop.draw();
      }
      return changed;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  VirtualMenu resize(int columns, int rows) {
    terminal.setTerminalSize(new TerminalSize(columns, rows));
    try {
      loop.draw();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The screen as text, one line per row, trailing blanks cut. */
  String text() {
    TerminalSize size = terminal.getTerminalSize();
    StringBuilder b = new StringBuilder();
    for (int row = 0; row < size.getRows(); row++) {
      b.append(row(row)).append('\n');
    }
    return b.toString();
  }

  String row(int row) {
    StringBuilder b = new StringBuilder();
    for (int col = 0; col < terminal.getTerminalSize().getColumns(); col++) {
      TextCharacter c = terminal.getCharacter(col, row);
      b.append(c == null ? " " : c.getCharacterString());
    }
    return b.toString().stripTrailing();
  }

  /** The colour of the first cell that starts {@code text} on the screen. */
  TextColor colorOf(String text) {
    TerminalSize size = terminal.getTerminalSize();
    for (int row = 0; row < size.getRows(); row++) {
      int col = row(row).indexOf(text);
      if (col >= 0) {
        return terminal.getCharacter(col, row).getForegroundColor();
      }
    }
    throw new AssertionError("'" + text + "' is not on the screen:\n" + text());
  }
}
