package org.watchdogmenu.install;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.watchdogmenu.os.Users;

/**
 * Cron's own rules for a file in /etc/cron.d, checked in Java (cron has no validator and skips a
 * bad file silently): a name without a dot, LF endings, a trailing newline, 0644 and root, a user
 * field on every job, and no unescaped {@code %} in a command.
 */
final class CronValidator implements Validator {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\s*=.*");
  private static final Pattern TIME_FIELD = Pattern.compile("[0-9A-Za-z*/,-]+");
  private static final Pattern UNESCAPED_PERCENT = Pattern.compile("(?<!\\\\)%");
  private static final Set<String> KEYWORDS =
      Set.of(
          "@reboot",
          "@yearly",
          "@annually",
          "@monthly",
          "@weekly",
          "@daily",
          "@midnight",
          "@hourly");

  private static final String[] FIELDS = {"minute", "hour", "day-of-month", "month", "day-of-week"};
  private static final int[] LOW = {0, 0, 1, 1, 0};
  private static final int[] HIGH = {59, 23, 31, 12, 7};
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");

  /**
   * What cron would say is wrong with one time field, the way its parser reads it: a list of {@code
   * *}, a value or a range {@code a-b}, each of the first two optionally {@code /step}; values
   * within the field's range (month and day-of-week also by three-letter name).
   *
   * @param k the field's place, 0 (minute) to 4 (day-of-week)
   * @return empty when cron accepts it
   */
  static Optional<String> fieldProblem(int k, String field) {
    for (String element : field.split(",", -1)) {
      if (element.isEmpty()) {
        return Optional.of("an empty item in the list");
      }
      String range = element;
      int slash = element.indexOf('/');
      if (slash >= 0) {
        range = element.substring(0, slash);
        String step = element.substring(slash + 1);
        if (!step.matches("[0-9]{1,3}") || Integer.parseInt(step) == 0) {
          return Optional.of("the step '" + step + "' is not a number above 0");
        }
        if (!range.equals("*") && !range.contains("-")) {
          return Optional.of("a step goes after * or a range (a-b), not after one value");
        }
      }
      if (range.equals("*")) {
        continue;
      }
      String[] ends = range.split("-", -1);
      if (ends.length > 2) {
        return Optional.of("'" + range + "' is not a range");
      }
      for (String end : ends) {
        Optional<String> why = valueProblem(k, end);
        if (why.isPresent()) {
          return why;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> valueProblem(int k, String value) {
    String lower = value.toLowerCase(java.util.Locale.ROOT);
    if ((k == 3 && MONTHS.contains(lower)) || (k == 4 && DAYS.contains(lower))) {
      return Optional.empty();
    }
    if (!value.matches("[0-9]{1,3}")) {
      return Optional.of("'" + value + "' is not a number" + (k >= 3 ? " or a name" : ""));
    }
    int n = Integer.parseInt(value);
    if (n < LOW[k] || n > HIGH[k]) {
      return Optional.of(FIELDS[k] + " " + n + " is out of range (" + LOW[k] + "-" + HIGH[k] + ")");
    }
    return Optional.empty();
  }

  @Override
  public List<String> check(FileWrite file) {
    List<String> problems = new ArrayList<>();
    String path = file.path();
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (!NAME.matcher(name).matches()) {
      problems.add(path + ": the name may hold only letters, digits, _ and - (cron skips others)");
    }
    if (!"0644".equals(file.mode()) || !"root".equals(file.owner())) {
      problems.add(path + ": must be mode 0644 owned by root (cron rejects others)");
    }
    String text = file.text();
    if (text.contains("\r")) {
      problems.add(path + ": has CR line endings (cron passes a literal \\r to the command)");
    }
    if (!text.endsWith("\n")) {
      problems.add(path + ": has no newline at the end (cron ignores the whole file)");
    }
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#") || ENV.matcher(line).matches()) {
        continue;
      }
      String where = path + ":" + (i + 1) + ": ";
      String[] f = line.split("\\s+", 7);
      int timeFields = f[0].startsWith("@") ? 1 : 5;
      if (f[0].startsWith("@") && !KEYWORDS.contains(f[0])) {
        problems.add(where + "unknown schedule " + f[0]);
        continue;
      }
      if (f.length < timeFields + 2) {
        problems.add(where + "a job needs the time, a user and a command");
        continue;
      }
      for (int k = 0; k < timeFields && timeFields == 5; k++) {
        Optional<String> problem =
            TIME_FIELD.matcher(f[k]).matches() ? fieldProblem(k, f[k]) : Optional.of("");
        if (problem.isPresent()) {
          String why = problem.get();
          problems.add(
              where
                  + FIELDS[k]
                  + " field '"
                  + f[k]
                  + "' is not a cron time"
                  + (why.isEmpty() ? "" : ": " + why)
                  + " (cron skips the whole file)");
        }
      }
      String user = f[timeFields];
      if (!Users.isValidName(user)) {
        problems.add(where + "'" + user + "' is not a user name (the user field is missing?)");
      }
      String command = line.split("\\s+", timeFields + 2)[timeFields + 1];
      if (UNESCAPED_PERCENT.matcher(command).find()) {
        problems.add(
            where + "unescaped % in the command (cron turns it into a newline): write \\%");
      }
    }
    return problems;
  }
}
