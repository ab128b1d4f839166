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
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;

/**
 * The menu on Lanterna's in-memory terminal: press keys, read the screen, as a person would. Its
 * hosts start no program and never wait for real: commands are answered by {@link ExactCommands}
 * (any other fails the test at the next key), time is a {@link MutableClock} that moves only when a
 * test (or a wait of the engine's) moves it.
 */
final class VirtualMenu {
  /** Where the clock of {@link #sandbox} starts. */
  static final Instant START = Instant.parse("2026-12-01T12:00:00Z");

  /**
   * How long a question to the fake service manager may stay unanswered before the test fails: a
   * guard against a hang, never reached when the menu works (the answers take microseconds).
   */
  private static final Duration HANG = Duration.ofSeconds(30);

  /** How often {@link #settle} looks again whether the answers came. */
  private static final Duration POLL = Duration.ofNanos(200_000);

  final DefaultVirtualTerminal terminal;
  final MenuLoop loop;
  final Session session;
  private final ExactCommands commands;

  VirtualMenu(Host host, int columns, int rows, Look look) {
    commands = ExactCommands.of(host.runner()).orElse(null);
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
   * Draws, and when the screen asked its service manager something in the background, waits for the
   * answers and draws again: the screen a person sees a moment after the key, the same on every run
   * however fast the answers come. A question a test holds leaves its "checking" words on the
   * screen.
   */
  private void drawSettled() throws IOException {
    int before = session.services().answers();
    loop.draw();
    settle();
    if (session.services().answers() != before && !loop.done()) {
      loop.draw();
    }
    unexpectedCommands();
  }

  /**
   * Waits until every question to the service manager is answered, or held by the test ({@link
   * ExactCommands#hold}): not for a time, for the answers.
   */
  void settle() {
    ServiceWatch services = session.services();
    long hang = System.nanoTime() + HANG.toNanos();
    while (services.out() > (commands == null ? 0 : commands.heldOn(ServiceWatch.THREAD))) {
      if (System.nanoTime() > hang) {
        throw new AssertionError(
            services.out() + " question(s) to the service manager never ended");
      }
      LockSupport.parkNanos(POLL.toNanos()); // gives the CPU to the threads that answer
    }
  }

  /** Fails the test when the menu ran a command no test answered. */
  private void unexpectedCommands() {
    if (commands != null && !commands.unexpected().isEmpty()) {
      throw new AssertionError("commands no test scripted: " + commands.unexpected());
    }
  }

  /**
   * A sandbox host at {@code dir}, run as root, on a machine whose systemd does not run: every
   * other command fails the test; its clock starts at {@link #START}.
   */
  static Host sandbox(Path dir) {
    return sandbox(dir, new ExactCommands().noServiceManager());
  }

  /** A sandbox host at {@code dir}, run as root, whose commands {@code commands} answers. */
  static Host sandbox(Path dir, ExactCommands commands) {
    MutableClock clock = new MutableClock(START);
    return new Host(new HostRoot(dir), commands, clock, clock, "root");
  }

  /** The host's clock: a test moves it, the menu reads it. */
  MutableClock clock() {
    return (MutableClock) session.host().clock();
  }

  /** The host's commands. */
  ExactCommands commands() {
    return commands;
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
      unexpectedCommands();
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
