package org.watchdogmenu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.engine.RestartGuard.Mode;
import org.watchdogmenu.engine.RestartGuard.Result;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;
import org.watchdogmenu.service.RestartStep;

/** What {@code status} and the menu show is what the guard decides, at the edges of its rules. */
class GuardStateTest {
  private static final Instant T0 = Instant.parse("2025-02-14T10:00:00Z");
  private static final long NOW = T0.getEpochSecond();
  private static final Pattern WAIT = Pattern.compile("wait (\\d+)s more");
  private static final Pattern NEXT = Pattern.compile("Next restart allowed at (\\S+) ");

  @TempDir Path root;
  private final MutableClock clock = new MutableClock(T0);
  private final StringWriter out = new StringWriter();
  private final Target target = Targets.paqetServer();

  private void history(String text) throws Exception {
    Path state = root.resolve("var/tmp/paqet_restart_state_server.txt");
    Files.createDirectories(state.getParent());
    Files.writeString(state, text);
  }

  /** The guard's decision (a preview: no lock, nothing changed) and status at the clock's time. */
  private Result agree() throws Exception {
    Host host = TestHosts.scripted(root, new ScriptedCommandRunner(), clock);
    out.getBuffer().setLength(0);
    RestartGuard guard =
        new RestartGuard(
            host, target, new EngineLog(null, new PrintWriter(out), clock), EngineEvents.NONE);
    Command c = Command.of(Duration.ofSeconds(120), "systemctl", "restart", "paqet-server.service");
    Result decided =
        guard.preview(new RestartStep(c.display(), c), RestartSource.HEALTH, Mode.NORMAL);
    TargetStatus status = new Engine(host).status(target);

    switch (decided) {
      case DENIED -> {
        Matcher next = NEXT.matcher(out.toString());
        assertThat(next.find()).as(out.toString()).isTrue();
        assertThat(status.limitUntil()).contains(Instant.parse(next.group(1)));
      }
      case SKIPPED -> {
        Matcher wait = WAIT.matcher(out.toString());
        assertThat(wait.find()).as(out.toString()).isTrue();
        assertThat(status.limitUntil()).isEmpty();
        assertThat(status.cooldownLeft())
            .isEqualTo(Duration.ofSeconds(Long.parseLong(wait.group(1))));
      }
      case WOULD_RESTART -> {
        assertThat(status.limitUntil()).isEmpty();
        assertThat(status.cooldownLeft()).isZero();
        assertThat(status.protectionWords()).endsWith(", ready");
      }
      case RESTARTED, FAILED, LOCK_BUSY, ERROR, REFUSED ->
          throw new AssertionError("a preview cannot end " + decided + ": " + out);
    }
    return decided;
  }

  @Test
  void theCooldownEndsForStatusWhenItEndsForTheGuard() throws Exception {
    history(NOW + " cron\n");
    clock.set(T0.plusSeconds(119));
    assertThat(agree()).isEqualTo(Result.SKIPPED);
    assertThat(
            new Engine(TestHosts.scripted(root, new ScriptedCommandRunner(), clock))
                .status(target)
                .protectionWords())
        .isEqualTo("1/5 restarts per hour, cooldown 1s left");
    // half a second before the end: the guard still waits a whole second, and status says so
    clock.set(T0.plusSeconds(119).plusMillis(500));
    assertThat(agree()).isEqualTo(Result.SKIPPED);
    clock.set(T0.plusSeconds(120));
    assertThat(agree()).isEqualTo(Result.WOULD_RESTART);
    clock.set(T0.plusSeconds(120).plusMillis(500));
    assertThat(agree()).isEqualTo(Result.WOULD_RESTART);
  }

  @Test
  void theCapLiftsForStatusWhenTheOldestRestartLeavesTheGuardsWindow() throws Exception {
    StringBuilder five = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      five.append(NOW + i * 600).append(" health\n");
    }
    history(five.toString());
    clock.set(T0.plusSeconds(3599));
    assertThat(agree()).isEqualTo(Result.DENIED);
    clock.set(T0.plusSeconds(3599).plusMillis(999));
    assertThat(agree()).isEqualTo(Result.DENIED);
    clock.set(T0.plusSeconds(3600));
    assertThat(agree()).isEqualTo(Result.WOULD_RESTART);
  }

  @Test
  void aCapReachedInsideTheCooldownIsTheCapForBoth() throws Exception {
    StringBuilder five = new StringBuilder();
    for (int i = 4; i >= 0; i--) {
      five.append(NOW - i * 30).append(" monitor\n");
    }
    history(five.toString());
    assertThat(agree()).isEqualTo(Result.DENIED);
  }
}
