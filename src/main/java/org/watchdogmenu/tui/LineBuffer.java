package org.watchdogmenu.tui;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines a check or a restart prints, written by its thread and read by the screen's: complete
 * lines as soon as their newline comes.
 */
final class LineBuffer extends Writer {
  private final List<String> lines = new ArrayList<>();
  private final StringBuilder partial = new StringBuilder();

  @Override
  public synchronized void write(char[] chars, int off, int len) {
    for (int i = off; i < off + len; i++) {
      char c = chars[i];
      if (c == '\n') {
        lines.add(partial.toString());
        partial.setLength(0);
      } else if (c != '\r') {
        partial.append(c);
      }
    }
  }

  /** Adds a line of our own (not the engine's). */
  synchronized void add(String line) {
    lines.add(line);
  }

  /** The complete lines so far. */
  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  synchronized int size() {
    return lines.size();
  }

  @Override
  public void flush() {}

  /** A line begun but not ended is kept as a whole line. */
  @Override
  public synchronized void close() {
    if (partial.length() > 0) {
      lines.add(partial.toString());
      partial.setLength(0);
    }
  }
}
