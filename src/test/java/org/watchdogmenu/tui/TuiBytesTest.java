package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.catalog.Catalog;

/**
 * What the menu sends to the terminal per key, counted in bytes on an ANSI terminal over a byte
 * buffer: only what changed is sent, so a cursor move over slow SSH is a few hundred bytes, not the
 * whole screen again.
 */
class TuiBytesTest {
  @TempDir Path dir;

  /** An ANSI terminal (what xterm, tmux and an SSH session get) writing into {@code out}. */
  static final class CountingTerminal extends ANSITerminal {
    private final TerminalSize size;

    CountingTerminal(ByteArrayOutputStream out, TerminalSize size) {
      super(new ByteArrayInputStream(new byte[0]), out, StandardCharsets.UTF_8);
      this.size = size;
    }

    @Override
    protected TerminalSize findTerminalSize() {
      return size;
    }
  }

  /** Bytes for the first frame, a cursor move, and Esc back from the next screen. */
  record Figures(int firstFrame, int cursorMove, int escape) {}

  static Figures measure(Path root, int columns, int rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TerminalScreen screen =
        new TerminalScreen(new CountingTerminal(out, new TerminalSize(columns, rows)));
    screen.startScreen();
    Session session =
        new Session(
            VirtualMenu.sandbox(root),
            Catalog.load(new org.watchdogmenu.os.HostRoot(root)),
            new ApplyGate());
    MenuLoop loop =
        new MenuLoop(screen, new Look(false, true), new SystemsView(session), Optional.empty());
    out.reset();
    loop.draw();
    int first = out.size();
    out.reset();
    loop.handle(new KeyStroke(KeyType.ArrowDown));
    loop.draw();
    int move = out.size();
    loop.handle(new KeyStroke(KeyType.Enter));
    loop.draw();
    out.reset();
    loop.handle(new KeyStroke(KeyType.Escape));
    loop.draw();
    int escape = out.size();
    screen.stopScreen();
    return new Figures(first, move, escape);
  }

  @Test
  void aCursorMoveSendsTheTwoLinesThatChangedNotTheScreen() throws IOException {
    Files.createDirectories(dir.resolve("etc/cron.d"));
    Figures f = measure(dir, 80, 24);

    assertThat(f.firstFrame()).as("the first frame is the whole screen").isGreaterThan(1500);
    assertThat(f.cursorMove()).as("bytes for one arrow key").isLessThan(400);
    assertThat(f.escape()).as("Esc back redraws what differs only").isLessThan(f.firstFrame());
  }
}
