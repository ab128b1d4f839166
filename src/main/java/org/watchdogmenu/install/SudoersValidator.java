package org.watchdogmenu.install;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.CommandRunner;

/**
 * A sudoers.d file: {@code visudo -cf} on a copy (it checks syntax only), plus what visudo -cf does
 * not check and sudo silently enforces: mode 0440, owner root, a name without {@code .} or {@code
 * ~}.
 */
final class SudoersValidator implements Validator {
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
      if (!r.succeeded()) {
        String out = (r.stdout() + "\n" + r.stderr()).replace(copy, path);
        for (String line : out.split("\n")) {
          if (!line.isBlank() && !line.contains("parsed OK")) {
            problems.add(path + ": visudo: " + line.strip());
          }
        }
        if (r.outcome() != CommandResult.Outcome.EXITED) {
          problems.add(path + ": visudo " + r.summary());
        }
      }
    }
    return problems;
  }
}
