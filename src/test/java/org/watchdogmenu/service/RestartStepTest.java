package org.watchdogmenu.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.CommandRunner;

class RestartStepTest {
  private final List<Command> seen = new ArrayList<>();
  private final CommandRunner runner =
      c -> {
        seen.add(c);
        return CommandResult.exited(0, "", "", Duration.ZERO);
      };
  private final Command restart =
      Command.of(Duration.ofSeconds(30), "pm2", "restart", "web").asUser("www", "root");

  @Test
  void theLevelsCommandAppendsToTheGivenLogAsItsUser() {
    Path log = Path.of("/var/log/web-health.log");

    new RestartStep(restart.display(), restart).run(runner, log);

    assertThat(seen)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.outputLog()).isEqualTo(log);
              assertThat(c.user()).isEqualTo("www");
              assertThat(c.argv())
                  .containsExactly("runuser", "-u", "www", "--", "pm2", "restart", "web");
            });
  }

  @Test
  void anActionGetsTheCommandWithTheLogToo() {
    Path log = Path.of("/var/log/web-health.log");
    RestartStep.Action action = (r, c) -> r.run(c);

    new RestartStep(restart.display(), restart, action).run(runner, log);

    assertThat(seen).singleElement().extracting(Command::outputLog).isEqualTo(log);
  }
}
