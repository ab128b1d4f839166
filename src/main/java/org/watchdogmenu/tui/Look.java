package org.watchdogmenu.tui;

import java.util.Locale;
import java.util.Map;

/**
 * How the menu draws: UTF-8 box lines or ASCII, colours or none.
 *
 * @param ascii only ASCII characters (with {@code --ascii}, or when the locale is not UTF-8)
 * @param color colours (off with {@code --no-color} or {@code NO_COLOR})
 */
record Look(boolean ascii, boolean color) {
  /** From the options and the environment: {@code LC_ALL}, {@code LC_CTYPE}, {@code LANG}. */
  static Look of(boolean asciiOption, boolean noColorOption, Map<String, String> env) {
    String noColor = env.get("NO_COLOR");
    boolean color = !noColorOption && (noColor == null || noColor.isEmpty());
    return new Look(asciiOption || !utf8Locale(env), color);
  }

  static boolean utf8Locale(Map<String, String> env) {
    for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
      String v = env.get(name);
      if (v != null && !v.isEmpty()) {
        String l = v.toLowerCase(Locale.ROOT);
        return l.contains("utf-8") || l.contains("utf8");
      }
    }
    return false;
  }

  String crumbSeparator() {
    return ascii ? " > " : " › ";
  }

  String upDown() {
    return ascii ? "Up/Down" : "↑↓";
  }

  char horizontal() {
    return ascii ? '-' : '─';
  }

  char vertical() {
    return ascii ? '|' : '│';
  }

  char topLeft() {
    return ascii ? '+' : '┌';
  }

  char topRight() {
    return ascii ? '+' : '┐';
  }

  char bottomLeft() {
    return ascii ? '+' : '└';
  }

  char bottomRight() {
    return ascii ? '+' : '┘';
  }

  /** The mark of lines above the body, e.g. {@code ↑ 3 more}. */
  String up() {
    return ascii ? "^" : "↑";
  }

  /** The mark of lines below the body, e.g. {@code ↓ 6 more}. */
  String down() {
    return ascii ? "v" : "↓";
  }

  /** The text in the characters this look draws (ASCII only in ASCII mode), never cut. */
  String plain(String text) {
    String t = printable(text);
    return ascii ? toAscii(t) : t;
  }

  /**
   * The text with every control character (which the terminal cannot draw: a NUL or an escape read
   * from a damaged file) shown as {@code ?}, and a tab as a space; line breaks are kept.
   */
  static String printable(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f);
      if (control && b == null) {
        b = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (b != null) {
        b.append(!control ? c : c == '\t' ? ' ' : '?');
      }
    }
    return b == null ? text : b.toString();
  }

  String ellipsis() {
    return ascii ? "..." : "…";
  }

  /** The text fitted to {@code width}: cut with an ellipsis, and ASCII-only in ASCII mode. */
  String fit(String text, int width) {
    String t = plain(text);
    if (t.length() <= width) {
      return t;
    }
    String e = ellipsis();
    return width <= e.length()
        ? t.substring(0, Math.max(0, width))
        : t.substring(0, width - e.length()) + e;
  }

  private static String toAscii(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '›' -> b.append('>');
        case '…' -> b.append("...");
        case '—', '–', '─' -> b.append('-');
        case '·' -> b.append('-');
        case '→' -> b.append("->");
        default -> b.append(c < 128 ? c : '?');
      }
    }
    return b.toString();
  }
}
