package org.watchdogmenu.install;

import java.util.ArrayList;
import java.util.List;
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
        if (!TIME_FIELD.matcher(f[k]).matches()) {
          problems.add(where + "time field '" + f[k] + "' is not a cron time");
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
