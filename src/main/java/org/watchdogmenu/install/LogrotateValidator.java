package org.watchdogmenu.install;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.CommandRunner;
import org.watchdogmenu.os.Programs;

/**
 * A logrotate config: {@code logrotate -d -s STATE CONF} on a copy. logrotate exits 0 on an unknown
 * directive or a missing brace, so any stderr line with {@code error:} is a problem.
 */
final class LogrotateValidator implements Validator {
  private final CommandRunner runner;

  LogrotateValidator(CommandRunner runner) {
    this.runner = runner;
  }

  @Override
  public List<String> check(FileWrite file) {
    List<String> problems = new ArrayList<>();
    try (Scratch scratch = new Scratch()) {
      String copy = scratch.write("watchdog-menu", file.content()).toString();
      String state = scratch.dir().resolve("state").toString();
      CommandResult r =
          runner.run(Command.of(Duration.ofSeconds(20), "logrotate", "-d", "-s", state, copy));
      if (r.outcome() != CommandResult.Outcome.EXITED) {
        problems.add(file.path() + ": " + Programs.describe("logrotate", r));
        return problems;
      }
      for (String line : (r.stdout() + "\n" + r.stderr()).split("\n")) {
        if (line.contains("error:")) {
          problems.add(file.path() + ": logrotate: " + line.replace(copy, file.path()).strip());
        }
      }
    }
    return problems;
  }
}
