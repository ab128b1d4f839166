package org.watchdogmenu.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.watchdogmenu.model.Policy;

/**
 * The guard's two rules applied to a target's restart history at one moment: the cap per rolling
 * window and the cooldown after the last restart. {@link RestartGuard} decides with it, and {@code
 * status} and the menu show its numbers ({@link Engine#status}), so what they show is what the
 * guard would decide.
 *
 * @param count the restarts inside the window
 * @param maxRestarts the cap per window
 * @param limitUntil when the oldest restart leaves the window, if the cap is reached
 * @param cooldown the cooldown still running after the last restart, if one is
 */
record GuardState(
    int count, int maxRestarts, Optional<Instant> limitUntil, Optional<Cooldown> cooldown) {

  /**
   * A cooldown that still runs, in the whole seconds the guard's log line gives.
   *
   * @param last the restart it follows
   * @param agoSeconds how long ago that restart was
   * @param needSeconds the cooldown
   */
  record Cooldown(RestartHistory.Entry last, long agoSeconds, long needSeconds) {
    long leftSeconds() {
      return needSeconds - agoSeconds;
    }
  }

  /** The rules applied to {@code history} (already pruned to the window) at {@code now}. */
  static GuardState of(RestartHistory history, Policy policy, Instant now) {
    int count = history.count();
    Optional<Instant> limitUntil =
        count >= policy.maxRestarts()
            ? history.entries().stream()
                .map(RestartHistory.Entry::at)
                .min(Instant::compareTo)
                .map(first -> first.plus(policy.window()))
            : Optional.empty();
    Optional<Cooldown> cooldown =
        history
            .last()
            .map(
                last ->
                    new Cooldown(
                        last,
                        Duration.between(last.at(), now).getSeconds(),
                        policy.cooldown().getSeconds()))
            .filter(c -> c.agoSeconds() < c.needSeconds());
    return new GuardState(count, policy.maxRestarts(), limitUntil, cooldown);
  }

  /** The cap is reached: automatic restarts stop until the oldest one leaves the window. */
  boolean limitReached() {
    return count >= maxRestarts;
  }

  /** How long the cooldown still runs, zero when it is over. */
  Duration cooldownLeft() {
    return cooldown.map(c -> Duration.ofSeconds(c.leftSeconds())).orElse(Duration.ZERO);
  }
}
