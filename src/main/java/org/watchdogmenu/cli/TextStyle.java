package org.watchdogmenu.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a command's text output fits where it goes: the width of the terminal ({@code $COLUMNS}, else
 * 80), colours (only on a terminal, never with {@code --no-color} or {@code NO_COLOR}), and the
 * mark of a cut value ({@code …}, or {@code ...} with {@code --ascii} or a locale that is not
 * UTF-8, as in the menu).
 */
record TextStyle(int width, boolean color, String ellipsis) {
  static final int DEFAULT_WIDTH = 80;

  /** Colours of a value's tone. */
  enum Tone {
    GOOD("32"),
    WARN("33"),
    BAD("31"),
    UNSURE("35"),
    PLAIN(null);

    private final String sgr;

    Tone(String sgr) {
      this.sgr = sgr;
    }
  }

  /**
   * @param terminal whether standard output is a terminal ({@link #stdoutIsTerminal})
   */
  static TextStyle of(
      boolean noColorOption, boolean ascii, Map<String, String> env, boolean terminal) {
    String noColor = env.get("NO_COLOR");
    boolean color = terminal && !noColorOption && (noColor == null || noColor.isEmpty());
    return new TextStyle(columns(env), color, ascii || !utf8Locale(env) ? "..." : "…");
  }

  /** {@code $COLUMNS} when it is a positive number, else 80. */
  static int columns(Map<String, String> env) {
    String c = env.get("COLUMNS");
    if (c != null && c.strip().matches("[0-9]{1,5}")) {
      int n = Integer.parseInt(c.strip());
      if (n > 0) {
        return n;
      }
    }
    return DEFAULT_WIDTH;
  }

  private static boolean utf8Locale(Map<String, String> env) {
    for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
      String v = env.get(name);
      if (v != null && !v.isEmpty()) {
        String l = v.toLowerCase(Locale.ROOT);
        return l.contains("utf-8") || l.contains("utf8");
      }
    }
    return false;
  }

  /**
   * Whether this process writes to a terminal: it has a console, and its standard output is a
   * terminal device (not a pipe or a file).
   */
  static boolean stdoutIsTerminal() {
    if (System.console() == null) {
      return false;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return true; // no /proc: the console is what Java can tell
    }
  }

  /** The text in its tone's colour, when colours are on. */
  String paint(String text, Tone tone) {
    if (!color || tone.sgr == null || text.isEmpty()) {
      return text;
    }
    return "\u001b[" + tone.sgr + "m" + text + "\u001b[0m";
  }

  /** The text cut to {@code width} characters, ending in the ellipsis when it was cut. */
  String fit(String text, int width) {
    if (text.length() <= width) {
      return text;
    }
    return width <= ellipsis.length()
        ? text.substring(0, Math.max(0, width))
        : text.substring(0, width - ellipsis.length()) + ellipsis;
  }

  /**
   * The text in lines of at most {@link #width} characters, broken between words (a word longer
   * than a line is cut); lines after the first start with {@code indent}.
   */
  List<String> wrap(String text, String indent) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" +")) {
      if (word.isEmpty()) {
        continue;
      }
      String prefix = lines.isEmpty() ? "" : indent;
      if (line.length() > 0 && prefix.length() + line.length() + 1 + word.length() > width) {
        lines.add(prefix + line);
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add((lines.isEmpty() ? "" : indent) + line);
    }
    List<String> fitted = new ArrayList<>();
    lines.forEach(l -> fitted.add(fit(l, width)));
    return fitted;
  }
}
