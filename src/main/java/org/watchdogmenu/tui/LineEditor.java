package org.watchdogmenu.tui;

import com.googlecode.lanterna.input.KeyStroke;

/**
 * One line of text being typed: printable characters insert at the cursor, Backspace and Delete
 * remove, Left, Right, Home and End move, Ctrl-U clears.
 */
final class LineEditor {
  static final int MAX_LENGTH = 500;

  private final StringBuilder text;
  private int cursor;

  LineEditor(String start) {
    text = new StringBuilder(start == null ? "" : start);
    cursor = text.length();
  }

  String text() {
    return text.toString();
  }

  int cursor() {
    return cursor;
  }

  /** True when the key edited or moved; false for keys it leaves alone (Enter, Esc, arrows). */
  boolean key(KeyStroke key) {
    switch (key.getKeyType()) {
      case Character -> {
        char c = key.getCharacter();
        if (key.isCtrlDown() && c == 'u') {
          text.setLength(0);
          cursor = 0;
        } else if (!key.isCtrlDown() && !Character.isISOControl(c) && text.length() < MAX_LENGTH) {
          text.insert(cursor++, c);
        }
        return true;
      }
      case Backspace -> {
        if (cursor > 0) {
          text.deleteCharAt(--cursor);
        }
        return true;
      }
      case Delete -> {
        if (cursor < text.length()) {
          text.deleteCharAt(cursor);
        }
        return true;
      }
      case ArrowLeft -> {
        cursor = Math.max(0, cursor - 1);
        return true;
      }
      case ArrowRight -> {
        cursor = Math.min(text.length(), cursor + 1);
        return true;
      }
      case Home -> {
        cursor = 0;
        return true;
      }
      case End -> {
        cursor = text.length();
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** The part that fits in {@code width} columns, scrolled so the cursor shows. */
  String window(int width) {
    int start = Math.max(0, cursor - width + 1);
    return text.substring(start, Math.min(text.length(), start + width));
  }

  /** Where the cursor is inside {@link #window(int)}. */
  int windowCursor(int width) {
    return Math.min(cursor, width - 1);
  }
}
