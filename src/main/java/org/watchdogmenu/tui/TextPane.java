package org.watchdogmenu.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.List;

/** Scrolling through text with the arrows, Page Up/Down, Home and End. */
final class TextPane {
  private int top;
  private int height = 10;
  private boolean atEnd;

  /** Whether the view sticks to the end (after End, or in follow mode). */
  boolean atEnd() {
    return atEnd;
  }

  void toEnd() {
    atEnd = true;
  }

  void toLine(int index) {
    atEnd = false;
    top = Math.max(0, index - height / 2);
  }

  Visible window(List<Line> lines, int height) {
    this.height = height;
    int last = Math.max(0, lines.size() - height);
    top = atEnd ? last : Math.min(top, last);
    return Scroll.from(lines, top, height);
  }

  /** Handles a scrolling key; false when the key is not one. */
  boolean key(KeyStroke key) {
    switch (key.getKeyType()) {
      case ArrowUp -> top = Math.max(0, top - 1);
      case ArrowDown -> top++;
      case PageUp -> top = Math.max(0, top - height);
      case PageDown -> top += height;
      case Home -> top = 0;
      case End -> {
        atEnd = true;
        return true;
      }
      default -> {
        return false;
      }
    }
    atEnd = false;
    return true;
  }
}
