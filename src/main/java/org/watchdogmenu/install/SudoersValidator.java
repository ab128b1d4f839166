package org.watchdogmenu.install;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.CommandRunner;
import org.watchdogmenu.os.Programs;

/**
 * A sudoers.d file: {@code visudo -cf} on a copy (it checks syntax only), plus what visudo -cf does
 * not check and sudo silently enforces: mode 0440, owner root, a name without {@code .} or {@code
 * ~}.
 */
final class SudoersValidator implements Validator {
  private static final Pattern LOCATED = Pattern.compile(".*?:([0-9]+):([0-9]+): (.*)");

  private final CommandRunner runner;

  SudoersValidator(CommandRunner runner) {
    this.runner = runner;
  }

  @Override
  public List<String> check(FileWrite file) {
    List<String> problems = new ArrayList<>();
    String path = file.path();
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (name.contains(".") || name.endsWith("~")) {
      problems.add(path + ": sudo skips a sudoers.d file whose name has a '.' or ends in '~'");
    }
    if (!"0440".equals(file.mode()) || !"root".equals(file.owner())) {
      problems.add(path + ": must be mode 0440 owned by root (sudo ignores or rejects others)");
    }
    try (Scratch scratch = new Scratch()) {
      String copy = scratch.write("sudoers", file.content()).toString();
      CommandResult r = runner.run(Command.of(Duration.ofSeconds(20), "visudo", "-c", "-f", copy));
      if (r.programMissing()) {
        problems.add(path + ": " + Programs.missing("visudo"));
        return problems;
      }
      if (!r.succeeded()) {
        for (String line : (r.stdout() + "\n" + r.stderr()).split("\n")) {
          Matcher m = LOCATED.matcher(line);
          if (line.startsWith(copy) && m.matches()) {
            problems.add(
                path
                    + ":"
                    + m.group(1)
                    + ": visudo: "
                    + m.group(3)
                    + " (column "
                    + m.group(2)
                    + ")");
          } else if (line.startsWith(copy) && !line.contains("parsed OK")) {
            problems.add(path + ": visudo: " + line.substring(copy.length() + 1).strip());
          }
        }
        if (r.outcome() != CommandResult.Outcome.EXITED || problems.isEmpty()) {
          problems.add(path + ": visudo " + r.summary());
        }
      }
    }
    return problems;
  }
}
