package org.watchdogmenu.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error as one line in the tool's words: {@code watchdog-menu: unknown command 'chek'; did
 * you mean 'check'? (see 'watchdog-menu --help')}. An {@link InputError} is printed as it is.
 */
final class UsageErrors {
  private UsageErrors() {}

  static String line(ParameterException e) {
    if (e instanceof InputError) {
      return e.getMessage();
    }
    CommandLine c = e.getCommandLine();
    String name = c.getCommandSpec().qualifiedName();
    String see = " (see '" + name + " --help')";
    if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      return name + ": " + unmatched(c, u) + see;
    }
    return name + ": " + e.getMessage() + see;
  }

  private static String unmatched(CommandLine c, UnmatchedArgumentException u) {
    List<String> args = u.getUnmatched();
    String first = args.get(0);
    String suggestion = suggestion(u.getSuggestions(), first);
    if (u.isUnknownOption()) {
      return "unknown option '" + first + "'" + suggestion;
    }
    if (!c.getSubcommands().isEmpty() && c.getCommandSpec().positionalParameters().isEmpty()) {
      return "unknown command '" + first + "'" + suggestion;
    }
    return (args.size() == 1 ? "unexpected argument " : "unexpected arguments ") + quoted(args);
  }

  /**
   * {@code ; did you mean 'check'?} for the first of picocli's suggestions that is near (a typo or
   * two away, or what was typed is its start), or nothing.
   */
  private static String suggestion(List<String> suggestions, String given) {
    for (String s : suggestions) {
      if (!s.equals(given)
          && (distance(s, given) <= 2 || given.length() >= 2 && s.startsWith(given))) {
        return "; did you mean '" + s + "'?";
      }
    }
    return "";
  }

  /** Edits (insert, delete, replace, swap two neighbours) from {@code a} to {@code b}. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static String quoted(List<String> args) {
    StringBuilder b = new StringBuilder();
    for (String a : args) {
      b.append(b.isEmpty() ? "" : ", ").append('\'').append(a).append('\'');
    }
    return b.toString();
  }
}
