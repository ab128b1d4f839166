package org.watchdogmenu.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.watchdogmenu.os.CommandResult.Outcome;

/** Timeouts and background processes, with real {@code sh} and {@code sleep}. */
class ExecCommandRunnerIT {
  private static final Duration HALF_SECOND = Duration.ofMillis(500);
  private final ExecCommandRunner runner = new ExecCommandRunner();
  private String marker;

  @AfterEach
  void killLeftovers() {
    if (marker != null) {
      Processes.killAll("sleep " + marker);
    }
  }

  @Test
  void timeoutKillsTheChildAndReturnsPromptly() throws Exception {
    marker = Processes.marker(20);

    CommandResult result =
        runner.run(Command.of(HALF_SECOND, "sh", "-c", "sleep " + marker + "; echo x"));

    assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
    assertThat(result.elapsed()).isGreaterThanOrEqualTo(HALF_SECOND);
    assertThat(result.elapsed()).isLessThan(Duration.ofMillis(1500));
    assertThat(result.stdout()).doesNotContain("x");
    assertThat(result.summary()).contains("timed out").contains("process tree killed");
    assertThat(Processes.awaitGone("sleep " + marker, 1000)).isEmpty();
  }

  @Test
  void timeoutKillsABackgroundedGrandchildToo() throws Exception {
    marker = Processes.marker(30);
    String child = Processes.marker(20);

    CommandResult result =
        runner.run(Command.of(HALF_SECOND, "sh", "-c", "sleep " + marker + " & sleep " + child));

    try {
      assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
      assertThat(result.elapsed()).isLessThan(Duration.ofMillis(1500));
      assertThat(Processes.awaitGone("sleep " + marker, 1000)).isEmpty();
      assertThat(Processes.awaitGone("sleep " + child, 1000)).isEmpty();
    } finally {
      Processes.killAll("sleep " + child);
    }
  }

  @Test
  void scriptThatStartsADaemonReturnsAtOnceAndTheDaemonLives() throws Exception {
    marker = Processes.marker(5);

    CommandResult result =
        runner.run(
            Command.of(
                Duration.ofSeconds(10),
                "sh",
                "-c",
                "sleep " + marker + " >/dev/null 2>&1 & echo started"));

    assertThat(result.succeeded()).isTrue();
    assertThat(result.stdout()).isEqualTo("started\n");
    assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(2));
    assertThat(Processes.pgrep("sleep " + marker)).hasSize(1);
  }

  @Test
  void daemonThatKeepsOurOutputOpenDoesNotHoldUsUp() throws Exception {
    marker = Processes.marker(5);

    CommandResult result =
        runner.run(
            Command.of(Duration.ofSeconds(10), "sh", "-c", "sleep " + marker + " & echo started"));

    assertThat(result.succeeded()).isTrue();
    assertThat(result.stdout()).isEqualTo("started\n");
    assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(2));
    assertThat(Processes.pgrep("sleep " + marker)).hasSize(1);
  }
}
