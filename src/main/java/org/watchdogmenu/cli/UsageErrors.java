package org.watchdogmenu.cli;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error as one line in the tool's words: {@code watchdog-menu: unknown command 'chek'; did
 * you mean 'check'? (see 'watchdog-menu --help')}. An {@link InputError} is printed as it is.
 */
final class UsageErrors {
  /** What picocli's help command says of a name that is not a command. */
  private static final Pattern UNKNOWN_SUBCOMMAND = Pattern.compile("Unknown subcommand '(.*)'\\.");

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
    // picocli's help command: "Unknown subcommand 'chek'."
    Matcher help = UNKNOWN_SUBCOMMAND.matcher(String.valueOf(e.getMessage()));
    if (help.matches()) {
      String given = help.group(1);
      return name
          + ": unknown command '"
          + given
          + "'"
          + suggestion(c.getSubcommands().keySet(), given)
          + see;
    }
    return name + ": " + e.getMessage() + see;
  }

  private static String unmatched(CommandLine c, UnmatchedArgumentException u) {
    List<String> args = u.getUnmatched();
    String first = args.get(0);
    if (u.isUnknownOption()) {
      String option = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
      return "unknown option '"
          + option
          + "'"
          + suggestion(c.getCommandSpec().optionsMap().keySet(), option);
    }
    if (!c.getSubcommands().isEmpty() && c.getCommandSpec().positionalParameters().isEmpty()) {
      return "unknown command '" + first + "'" + suggestion(c.getSubcommands().keySet(), first);
    }
    return (args.size() == 1 ? "unexpected argument " : "unexpected arguments ") + quoted(args);
  }

  /**
   * {@code ; did you mean 'check'?} for the nearest name: a typo or two away, or one that starts
   * with what was typed; nothing when none is near.
   */
  static String suggestion(Collection<String> names, String given) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String n : names) {
      int d = distance(n, given);
      boolean near = d <= 2 || given.replace("-", "").length() >= 2 && n.startsWith(given);
      if (near && d < bestDistance && !n.equals(given)) {
        best = n;
        bestDistance = d;
      }
    }
    return best == null ? "" : "; did you mean '" + best + "'?";
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
