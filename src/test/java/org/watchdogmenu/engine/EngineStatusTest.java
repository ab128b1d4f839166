package org.watchdogmenu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

class EngineStatusTest {
  private static final Instant T0 = Instant.parse("2025-02-14T10:30:00Z");

  @TempDir Path root;
  private final MutableClock clock = new MutableClock(T0);
  private Engine engine;

  @BeforeEach
  void setUp() {
    engine = new Engine(TestHosts.scripted(root, new ScriptedCommandRunner(), clock));
  }

  private void history(String text) throws Exception {
    Path state = root.resolve("var/tmp/paqet_restart_state_server.txt");
    Files.createDirectories(state.getParent());
    Files.writeString(state, text);
  }

  @Test
  void showsRestartsInTheWindowAndTheCooldownLeft() throws Exception {
    long now = T0.getEpochSecond();
    history((now - 4000) + " cron\n" + (now - 600) + " health\n" + (now - 80) + " cron\n");
    TargetStatus s = engine.status(Targets.paqetServer());
    assertThat(s.restarts()).hasSize(2);
    assertThat(s.protectionWords()).isEqualTo("2/5 restarts per hour, cooldown 40s left");
    assertThat(s.lastCheck()).isEmpty();
  }

  @Test
  void aReachedCapSaysUntilWhen() throws Exception {
    long now = T0.getEpochSecond();
    history(
        (now - 3000)
            + " health\n"
            + (now - 2400)
            + " health\n"
            + (now - 1800)
            + " cron\n"
            + (now - 1200)
            + " health\n"
            + (now - 600)
            + " health\n");
    assertThat(engine.status(Targets.paqetServer()).protectionWords())
        .isEqualTo("5/5 restarts per hour, limit reached until 2025-02-14T10:40:00Z");
  }

  @Test
  void resetClearsTheHistoryAndSaysSoInTheRestartLog() throws Exception {
    history(T0.getEpochSecond() + " health\n");
    StringWriter out = new StringWriter();
    assertThat(engine.reset(Targets.paqetServer(), new PrintWriter(out))).isTrue();
    assertThat(root.resolve("var/tmp/paqet_restart_state_server.txt")).isEmptyFile();
    assertThat(Files.readString(root.resolve("var/log/paqet-cron-server.log")))
        .contains("Restart history cleared (manual reset)");
    assertThat(engine.status(Targets.paqetServer()).protectionWords())
        .isEqualTo("0/5 restarts per hour, ready");
  }
}
