package org.watchdogmenu.os;

/**
 * Makes text from programs and files another account controls safe to put in a log line or on a
 * screen: control characters become visible escapes such as {@code \x1b}, so an escape sequence (a
 * colour, a cursor move, an OSC title or hyperlink, a terminal query) cannot act on the operator's
 * terminal when the log is read with {@code cat} or {@code tail -f}, and a newline cannot forge a
 * log line of its own.
 *
 * <p>Escaped: the C0 controls (U+0000 to U+001F) except tab, DEL (U+007F), the C1 controls (U+0080
 * to U+009F, among them the one-character CSI and OSC), the Unicode line and paragraph separators
 * and the bidirectional overrides and isolates (which can make a line read backwards). Newlines are
 * escaped too unless asked to keep them. Everything else, including a backslash, stays as it is.
 */
public final class ControlChars {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private ControlChars() {}

  /** The text on one line: every control character, newlines included, escaped. */
  public static String escape(String text) {
    return escape(text, false);
  }

  /**
   * @param keepNewlines keep {@code \n} as it is (for text shown as several lines); a carriage
   *     return is escaped all the same
   */
  public static String escape(String text, boolean keepNewlines) {
    if (text == null) {
      return null;
    }
    int first = firstUnsafe(text, keepNewlines);
    if (first < 0) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    sb.append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!unsafe(c, keepNewlines)) {
        sb.append(c);
      } else if (c <= 0xff) {
        sb.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
      } else {
        sb.append("\\u")
            .append(HEX[(c >> 12) & 0xf])
            .append(HEX[(c >> 8) & 0xf])
            .append(HEX[(c >> 4) & 0xf])
            .append(HEX[c & 0xf]);
      }
    }
    return sb.toString();
  }

  private static int firstUnsafe(String text, boolean keepNewlines) {
    for (int i = 0; i < text.length(); i++) {
      if (unsafe(text.charAt(i), keepNewlines)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean unsafe(char c, boolean keepNewlines) {
    if (c < 0x20) {
      return c != '\t' && !(keepNewlines && c == '\n');
    }
    return (c >= 0x7f && c <= 0x9f)
        || c == 0x2028
        || c == 0x2029
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }
}
