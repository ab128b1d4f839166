package org.watchdogmenu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.watchdogmenu.engine.RestartGuard.Mode;
import org.watchdogmenu.engine.RestartGuard.Result;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.model.Target;

class RestartGuardTest extends GuardFixture {
  @Test
  void firstRestartRunsTheCommandAndRecordsEpochAndSource() throws Exception {
    runner.expect(RESTART);
    assertThat(attempt(RestartSource.HEALTH, Mode.NORMAL)).isEqualTo(Result.RESTARTED);
    assertThat(Files.readString(state)).isEqualTo(T0.getEpochSecond() + " health\n");
    assertThat(out.toString())
        .contains("[2025-02-14T10:00:00Z] Restart ALLOWED (restart 1/5 per hour)")
        .contains("Restarting paqet-server: systemctl restart paqet-server.service");
    runner.verifyAllUsed();
  }

  @Test
  void cooldownSkipsARestartFromAnySourceWithTheSeedsWording() throws Exception {
    Files.createDirectories(state.getParent());
    Files.writeString(state, (T0.getEpochSecond() - 90) + " health\n");
    assertThat(attempt(RestartSource.CRON, Mode.NORMAL)).isEqualTo(Result.SKIPPED);
    assertThat(out.toString())
        .contains("Restart SKIPPED: cooldown active (90s ago by health, need 120s, wait 30s more)");
    assertThat(runner.seen()).isEmpty();
  }

  @Test
  void cooldownEndsAfter120Seconds() throws Exception {
    Files.createDirectories(state.getParent());
    Files.writeString(state, (T0.getEpochSecond() - 120) + " health\n");
    runner.expect(RESTART);
    assertThat(attempt(RestartSource.CRON, Mode.NORMAL)).isEqualTo(Result.RESTARTED);
    assertThat(Files.readAllLines(state))
        .containsExactly((T0.getEpochSecond() - 120) + " health", T0.getEpochSecond() + " cron");
  }

  @Test
  void theSixthRestartInAnHourIsDeniedAndTheWindowRollsOn() throws Exception {
    for (int i = 0; i < 5; i++) {
      runner.expect(RESTART);
      assertThat(attempt(i % 2 == 0 ? RestartSource.HEALTH : RestartSource.CRON, Mode.NORMAL))
          .isEqualTo(Result.RESTARTED);
      clock.advance(Duration.ofMinutes(5));
    }
    // 10:25 - the sixth is denied
    assertThat(attempt(RestartSource.HEALTH, Mode.NORMAL)).isEqualTo(Result.DENIED);
    assertThat(out.toString())
        .contains("Restart DENIED: limit reached (5/5 per hour)")
        .contains("ACTION REQUIRED: Check service health manually - automatic restarts stopped");
    // 10:59:59 - still denied; 11:00:00 the 10:00 restart has left the window
    clock.set(T0.plus(Duration.ofMinutes(60)).minusSeconds(1));
    assertThat(attempt(RestartSource.HEALTH, Mode.NORMAL)).isEqualTo(Result.DENIED);
    clock.set(T0.plus(Duration.ofMinutes(60)).plusSeconds(1));
    runner.expect(RESTART);
    assertThat(attempt(RestartSource.HEALTH, Mode.NORMAL)).isEqualTo(Result.RESTARTED);
    assertThat(Files.readAllLines(state))
        .hasSize(5)
        .doesNotContain(T0.getEpochSecond() + " health");
    runner.verifyAllUsed();
  }

  @Test
  void escalationIgnoresTheCooldownButNotTheLimit() throws Exception {
    Files.createDirectories(state.getParent());
    Files.writeString(state, (T0.getEpochSecond() - 30) + " health\n");
    runner.expect(RESTART);
    assertThat(attempt(RestartSource.HEALTH, Mode.ESCALATION)).isEqualTo(Result.RESTARTED);
    StringBuilder five = new StringBuilder();
    for (int i = 1; i <= 5; i++) {
      five.append(T0.getEpochSecond() - i * 60).append(" health\n");
    }
    Files.writeString(state, five);
    assertThat(attempt(RestartSource.HEALTH, Mode.ESCALATION)).isEqualTo(Result.DENIED);
  }

  @Test
  void forceSkipsLimitAndCooldownAndIsStillRecorded() throws Exception {
    StringBuilder five = new StringBuilder();
    for (int i = 1; i <= 5; i++) {
      five.append(T0.getEpochSecond() - i * 10).append(" health\n");
    }
    Files.createDirectories(state.getParent());
    Files.writeString(state, five);
    runner.expect(RESTART);
    assertThat(attempt(RestartSource.MANUAL, Mode.FORCE)).isEqualTo(Result.RESTARTED);
    assertThat(Files.readAllLines(state)).hasSize(6).contains(T0.getEpochSecond() + " manual");
    assertThat(out.toString()).contains("Restart FORCED");
  }

  @Test
  void garbageLinesAreSkippedWithAWarningAndDropped() throws Exception {
    Files.createDirectories(state.getParent());
    Files.writeString(
        state, "garbage here\n\n" + (T0.getEpochSecond() - 600) + " cron\n12ab health\n");
    runner.expect(RESTART);
    assertThat(attempt(RestartSource.HEALTH, Mode.NORMAL)).isEqualTo(Result.RESTARTED);
    assertThat(out.toString())
        .contains("Ignoring unreadable line 1 of")
        .contains("Ignoring unreadable line 4 of");
    assertThat(Files.readAllLines(state))
        .containsExactly((T0.getEpochSecond() - 600) + " cron", T0.getEpochSecond() + " health");
  }

  @Test
  void aTimestampInTheFutureBlocksForAtMostOneWindow() throws Exception {
    Files.createDirectories(state.getParent());
    Files.writeString(state, (T0.getEpochSecond() + 86_400 * 365) + " health\n");
    // taken as "now": the cooldown applies, and the file is rewritten with the clamped time
    assertThat(attempt(RestartSource.HEALTH, Mode.NORMAL)).isEqualTo(Result.SKIPPED);
    assertThat(out.toString()).contains("lies in the future");
    assertThat(Files.readAllLines(state)).containsExactly(T0.getEpochSecond() + " health");
    clock.advance(Duration.ofHours(1));
    runner.expect(RESTART);
    assertThat(attempt(RestartSource.HEALTH, Mode.NORMAL)).isEqualTo(Result.RESTARTED);
  }

  @Test
  void aFailingRestartCommandIsReportedAndStillCounts() throws Exception {
    runner.expect(RESTART).exits(1).printsError("Job for paqet-server.service failed.");
    assertThat(attempt(RestartSource.HEALTH, Mode.NORMAL)).isEqualTo(Result.FAILED);
    assertThat(out.toString())
        .contains(
            "Restart FAILED: systemctl restart paqet-server.service: exit 1: Job for paqet-server.service failed.");
    assertThat(Files.readAllLines(state)).containsExactly(T0.getEpochSecond() + " health");
  }

  @Test
  void previewChangesNothing() throws Exception {
    assertThat(guard.preview(step(), RestartSource.HEALTH, Mode.NORMAL))
        .isEqualTo(Result.WOULD_RESTART);
    assertThat(out.toString())
        .contains(
            "DRY RUN: would restart paqet-server (health): systemctl restart paqet-server.service");
    assertThat(runner.seen()).isEmpty();
    assertThat(root.resolve("var")).doesNotExist();
  }

  @Test
  void windowWordsFollowTheSeed() {
    assertThat(RestartGuard.perWindow(Duration.ofHours(1))).isEqualTo("per hour");
    assertThat(RestartGuard.perWindow(Duration.ofMinutes(5))).isEqualTo("per 5 minutes");
    assertThat(RestartGuard.perWindow(Duration.ofHours(2))).isEqualTo("per 2 hours");
  }

  private Target withLockTimeout(Duration lockTimeout) {
    var p = target.policy();
    return new Target(
        target.id(),
        target.title(),
        target.system(),
        target.role(),
        null,
        target.service(),
        target.probes(),
        new org.watchdogmenu.model.Policy(
            p.interval(),
            p.retries(),
            p.retryDelay(),
            p.grace(),
            p.cooldown(),
            p.maxRestarts(),
            p.window(),
            lockTimeout,
            p.restartTimeout()),
        target.paths());
  }
}
