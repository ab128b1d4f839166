package org.watchdogmenu.os;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain JSON for the small state files a check writes on every run (last result, metrics series),
 * without a mapper: a value is a {@code Map<String, Object>} (keys in order), a {@code List}, a
 * {@code String}, a {@code Long} or {@code Double}, a {@code Boolean} or null.
 */
public final class JsonText {
  private static final int MAX_DEPTH = 32;

  private final String text;
  private int at;

  private JsonText(String text) {
    this.text = text;
  }

  /** The text as a JSON string literal, quotes included; {@code null} for null. */
  public static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /**
   * One JSON value.
   *
   * @throws IOException naming the offset where the text stops being JSON
   */
  public static Object parse(String text) throws IOException {
    JsonText p = new JsonText(text);
    p.space();
    Object v = p.value(0);
    p.space();
    if (p.at != text.length()) {
      throw p.error("text after the value");
    }
    return v;
  }

  private Object value(int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw error("nested too deep");
    }
    if (at >= text.length()) {
      throw error("value expected");
    }
    char c = text.charAt(at);
    if (c == '{') {
      at++;
      Map<String, Object> map = new LinkedHashMap<>();
      space();
      if (peek('}')) {
        return map;
      }
      do {
        space();
        if (!peek('"')) {
          throw error("key expected");
        }
        String key = string();
        space();
        expect(':');
        space();
        map.put(key, value(depth + 1));
        space();
      } while (peek(','));
      expect('}');
      return map;
    }
    if (c == '[') {
      at++;
      List<Object> list = new ArrayList<>();
      space();
      if (peek(']')) {
        return list;
      }
      do {
        space();
        list.add(value(depth + 1));
        space();
      } while (peek(','));
      expect(']');
      return list;
    }
    if (c == '"') {
      at++;
      return string();
    }
    if (text.startsWith("true", at)) {
      at += 4;
      return Boolean.TRUE;
    }
    if (text.startsWith("false", at)) {
      at += 5;
      return Boolean.FALSE;
    }
    if (text.startsWith("null", at)) {
      at += 4;
      return null;
    }
    return number();
  }

  /** A string whose opening quote was read. */
  private String string() throws IOException {
    StringBuilder sb = new StringBuilder();
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\') {
        if (at >= text.length()) {
          break;
        }
        char e = text.charAt(at++);
        switch (e) {
          case '"', '\\', '/' -> sb.append(e);
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            if (at + 4 > text.length()) {
              throw error("short \\u escape");
            }
            try {
              sb.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            } catch (NumberFormatException x) {
              throw error("bad \\u escape");
            }
            at += 4;
          }
          default -> throw error("bad escape \\" + e);
        }
      } else if (c < 0x20) {
        throw error("control character in a string");
      } else {
        sb.append(c);
      }
    }
    throw error("unterminated string");
  }

  private Object number() throws IOException {
    int start = at;
    boolean fraction = false;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c >= '0' && c <= '9' || c == '-' || c == '+') {
        at++;
      } else if (c == '.' || c == 'e' || c == 'E') {
        fraction = true;
        at++;
      } else {
        break;
      }
    }
    String n = text.substring(start, at);
    try {
      if (n.isEmpty()) {
        throw error("value expected");
      }
      return fraction ? (Object) Double.parseDouble(n) : (Object) Long.parseLong(n);
    } catch (NumberFormatException e) {
      throw error("bad number '" + n + "'");
    }
  }

  private void space() {
    while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }

  private boolean peek(char c) {
    if (at < text.length() && text.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(char c) throws IOException {
    if (!peek(c)) {
      throw error("'" + c + "' expected");
    }
  }

  private IOException error(String what) {
    return new IOException("not JSON at offset " + at + ": " + what);
  }
}
