package org.watchdogmenu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.engine.RestartGuard.Mode;
import org.watchdogmenu.engine.RestartGuard.Result;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.CommandRunner;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.service.RestartStep;

/** The restart command's output goes to the log of the run, and the runner's notes are logged. */
class RestartOutputLogTest {
  @TempDir Path root;
  private final MutableClock clock = new MutableClock(Instant.parse("2025-02-14T10:00:00Z"));
  private final StringWriter out = new StringWriter();
  private final List<Command> seen = new ArrayList<>();

  private Result attempt(Path commandLog, CommandResult answer) {
    CommandRunner runner =
        c -> {
          seen.add(c);
          return answer;
        };
    RestartGuard guard =
        new RestartGuard(
            new Host(new HostRoot(root), runner, clock, clock, "root"),
            Targets.paqetServer(),
            new EngineLog(null, new PrintWriter(out), clock),
            EngineEvents.NONE,
            Optional.ofNullable(commandLog));
    Command c = Command.of(Duration.ofSeconds(120), "systemctl", "restart", "paqet-server.service");
    return guard.attempt(new RestartStep(c.display(), c), RestartSource.CRON, Mode.NORMAL);
  }

  @Test
  void theRestartCommandAppendsToTheLogOfTheRun() {
    Path log = root.resolve("var/log/paqet-cron-server.log");

    Result r = attempt(log, CommandResult.exited(0, "", "", Duration.ofMillis(5)));

    assertThat(r).isEqualTo(Result.RESTARTED);
    assertThat(seen).singleElement().extracting(Command::outputLog).isEqualTo(log);
  }

  @Test
  void withoutALogTheOutputStaysInTheResult() {
    attempt(null, CommandResult.exited(0, "", "", Duration.ofMillis(5)));

    assertThat(seen).singleElement().extracting(Command::outputLog).isNull();
  }

  @Test
  void whyTheLogWasNotUsedIsLoggedAndTheFailureIsEscaped() {
    CommandResult answer =
        CommandResult.exited(1, "", "Job failed\u001b]0;owned\u0007\n", Duration.ofMillis(5))
            .withNote("output of systemctl kept in memory, not appended to /x.log: /x.log: link");

    assertThat(attempt(root.resolve("x.log"), answer)).isEqualTo(Result.FAILED);

    assertThat(out.toString())
        .contains(
            "WARNING: output of systemctl kept in memory, not appended to /x.log: /x.log: link")
        .contains(
            "Restart FAILED: systemctl restart paqet-server.service: exit 1: Job failed\\x1b]0;owned\\x07")
        .doesNotContain("\u001b");
  }
}
