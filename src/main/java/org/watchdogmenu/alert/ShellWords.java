package org.watchdogmenu.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A command typed as one line (the menu's form, {@code alert add-channel --command}) split into the
 * argv of a command channel the way a shell splits words, without a shell: blanks separate words,
 * single quotes keep everything, double quotes keep everything but {@code \"} and {@code \\}, and a
 * backslash outside quotes keeps the next character. Nothing is expanded: {@code $HOME}, {@code *}
 * and {@code {message}} stay as written.
 */
final class ShellWords {
  private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_@%+=:./{}-]+");

  private ShellWords() {}

  /**
   * @throws IllegalArgumentException one line: a quote left open, a trailing backslash, a newline
   */
  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isISOControl(c) && c != '\t') {
        throw new IllegalArgumentException(
            "the command holds a control character (a line break?): write it on one line");
      }
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (quote == '"') {
        boolean escaped =
            c == '\\' && i + 1 < line.length() && "\"\\".indexOf(line.charAt(i + 1)) >= 0;
        if (escaped) {
          word.append(line.charAt(++i));
        } else if (c == '"') {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 == line.length()) {
          throw new IllegalArgumentException(
              "the command ends with a backslash: remove it or put the last word in quotes");
        }
        word.append(line.charAt(++i));
        inWord = true;
      } else if (c == ' ' || c == '\t') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException(
          "a " + (quote == '\'' ? "single" : "double") + " quote is not closed");
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** The words as one line that {@link #split} (and a shell) reads back as the same words. */
  static String join(List<String> words) {
    return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
  }

  /**
   * One word as a shell reads it back: bare when that is safe, in double quotes when it holds
   * single quotes and nothing a shell expands inside double quotes, else in single quotes.
   */
  static String quote(String word) {
    if (BARE.matcher(word).matches()) {
      return word;
    }
    if (word.contains("'") && word.chars().noneMatch(c -> "\"$`\\!".indexOf(c) >= 0)) {
      return '"' + word + '"';
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
