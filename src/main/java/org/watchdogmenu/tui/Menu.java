package org.watchdogmenu.tui;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.os.Host;

/**
 * Starts the menu on the terminal {@code watchdog-menu} runs in: a text terminal always (never a
 * Swing window, even with {@code DISPLAY} set), Ctrl-C read as a key, a wait of at most {@link
 * EscapeWait#WAIT_MS} ms for the rest of an escape sequence (arrow keys split across SSH packets; a
 * lone Esc acts after it), and the terminal restored on every way out, after any change in progress
 * has finished.
 */
public final class Menu {
  /** The exit code when there is no usable terminal. */
  public static final int NO_TERMINAL = 2;

  /** The exit code when the menu stopped on an error. */
  public static final int FAILED = 1;

  /**
   * How the menu looks.
   *
   * @param ascii ASCII borders and text only
   * @param noColor no colours
   */
  public record Options(boolean ascii, boolean noColor) {}

  private Menu() {}

  /** Runs the menu until the operator quits; returns the exit code. */
  public static int run(Host host, Catalog catalog, Options options, PrintWriter err) {
    return run(host, () -> catalog, options, err);
  }

  /**
   * Runs the menu with a catalog that may still be loading (on another thread, while the terminal
   * starts); it is asked for once the terminal is ready. What it throws is thrown from here, with
   * the terminal restored.
   */
  public static int run(Host host, Supplier<Catalog> catalog, Options options, PrintWriter err) {
    Map<String, String> env = System.getenv();
    Optional<String> refusal = TerminalCheck.refusal(System.console() != null, env.get("TERM"));
    if (refusal.isPresent()) {
      err.println(refusal.get());
      return NO_TERMINAL;
    }
    System.setProperty("java.awt.headless", "true");
    Look look = Look.of(options.ascii(), options.noColor(), env);
    Charset charset = look.ascii() ? StandardCharsets.US_ASCII : StandardCharsets.UTF_8;
    ApplyGate gate = new ApplyGate();
    Screen screen;
    try {
      Terminal terminal =
          new DefaultTerminalFactory(System.out, new EscapeWait(System.in), charset)
              .setForceTextTerminal(true)
              .setInputTimeout(0)
              .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
              .createTerminal();
      screen = new TerminalScreen(terminal);
      screen.startScreen();
    } catch (IOException | RuntimeException e) {
      err.println(
          "watchdog-menu: cannot open the terminal ("
              + e.getMessage()
              + "); "
              + TerminalCheck.COMMANDS);
      return NO_TERMINAL;
    }
    AtomicBoolean stopped = new AtomicBoolean();
    Thread restore =
        new Thread(
            () -> {
              gate.close(60);
              stop(screen, stopped);
            },
            "restore the terminal");
    Runtime.getRuntime().addShutdownHook(restore);
    Catalog loaded;
    try {
      loaded = catalog.get();
    } catch (RuntimeException e) {
      stop(screen, stopped);
      throw e;
    }
    try {
      Session session = new Session(host, loaded, gate);
      new MenuLoop(screen, look, new SystemsView(session), session.readOnlyReason()).run();
      stop(screen, stopped);
      if (!session.running().isEmpty()) {
        err.println(
            "watchdog-menu: waiting for " + String.join(", ", session.running()) + " to end");
        err.flush();
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      stop(screen, stopped);
      err.println("watchdog-menu: the menu stopped: " + e.getMessage());
      return FAILED;
    } finally {
      stop(screen, stopped);
    }
  }

  private static void stop(Screen screen, AtomicBoolean stopped) {
    if (stopped.compareAndSet(false, true)) {
      try {
        screen.stopScreen();
      } catch (IOException | RuntimeException e) {
        // the terminal is gone (a dropped connection): nothing left to restore
      }
    }
  }
}
