package org.watchdogmenu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.engine.RestartGuard.Mode;
import org.watchdogmenu.engine.RestartGuard.Result;
import org.watchdogmenu.model.RecordedSource;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;
import org.watchdogmenu.service.RestartStep;

class RestartHistoryTest {
  private static final Instant T0 = Instant.parse("2025-02-14T10:00:00Z");
  private static final long NOW = T0.getEpochSecond();
  private static final String[] RESTART = {"systemctl", "restart", "paqet-server.service"};

  @TempDir Path root;

  private Path state(String text) throws Exception {
    Path state = root.resolve("var/tmp/paqet_restart_state_server.txt");
    Files.createDirectories(state.getParent());
    Files.writeString(state, text);
    return state;
  }

  @Test
  void everyWordReadsBackAsItsSourceAndIsWrittenByteIdentical() throws Exception {
    String text =
        (NOW - 600)
            + " health\n"
            + (NOW - 500)
            + " cron\n"
            + (NOW - 400)
            + " manual\n"
            + (NOW - 300)
            + " monitor\n"
            + (NOW - 200)
            + " ansible\n";
    Path state = state(text);
    List<String> warnings = new ArrayList<>();
    RestartHistory history = RestartHistory.load(state, T0, Duration.ofHours(1), warnings::add);

    assertThat(history.entries())
        .extracting(RestartHistory.Entry::source)
        .containsExactly(
            RestartSource.HEALTH,
            RestartSource.CRON,
            RestartSource.MANUAL,
            RestartSource.MONITOR,
            new RecordedSource.Other("ansible"));
    assertThat(warnings).isEmpty();
    assertThat(history.changedOnLoad()).isFalse();

    Path copy = root.resolve("var/tmp/copy.txt");
    history.save(copy);
    assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(state));
  }

  @Test
  void eachSourceHasItsLowercaseWordAndIsFoundByIt() {
    assertThat(RestartSource.values())
        .extracting(RestartSource::word)
        .containsExactly("health", "cron", "manual", "monitor");
    for (RestartSource s : RestartSource.values()) {
      assertThat(RestartSource.ofWord(s.word())).contains(s);
      assertThat(RecordedSource.ofWord(s.word())).isSameAs(s);
      assertThat("by " + s).isEqualTo("by " + s.word());
    }
    assertThat(RestartSource.ofWord("HEALTH")).isEmpty();
    assertThat(RecordedSource.ofWord("apply")).isEqualTo(new RecordedSource.Other("apply"));
    assertThatThrownBy(() -> new RecordedSource.Other("two words"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnknownWordIsARestartTheCooldownCountsFromAndTheFileKeeps() throws Exception {
    Path state = state((NOW - 30) + " ansible\n");
    ScriptedCommandRunner runner = new ScriptedCommandRunner();
    MutableClock clock = new MutableClock(T0);
    StringWriter out = new StringWriter();
    RestartGuard guard =
        new RestartGuard(
            TestHosts.scripted(root, runner, clock),
            Targets.paqetServer(),
            new EngineLog(null, new PrintWriter(out), clock),
            EngineEvents.NONE);
    Command c = Command.of(Duration.ofSeconds(120), RESTART);
    RestartStep step = new RestartStep(c.display(), c);

    assertThat(guard.attempt(step, RestartSource.CRON, Mode.NORMAL)).isEqualTo(Result.SKIPPED);
    assertThat(out.toString())
        .contains(
            "Restart SKIPPED: cooldown active (30s ago by ansible, need 120s, wait 90s more)");

    clock.advance(Duration.ofSeconds(90));
    runner.expect(RESTART);
    assertThat(guard.attempt(step, RestartSource.CRON, Mode.NORMAL)).isEqualTo(Result.RESTARTED);
    assertThat(out.toString()).contains("Restart ALLOWED (restart 2/5 per hour)");
    assertThat(Files.readString(state))
        .isEqualTo((NOW - 30) + " ansible\n" + (NOW + 90) + " cron\n");
    runner.verifyAllUsed();
  }
}
