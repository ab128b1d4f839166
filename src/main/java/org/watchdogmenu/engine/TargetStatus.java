package org.watchdogmenu.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A target's protection state and last result, as {@code status} and the menu show it.
 *
 * @param restarts the restarts inside the current window, oldest first
 * @param cooldownLeft how long until the cooldown after the last restart ends (zero when over)
 * @param limitUntil when the oldest restart leaves the window, if the cap is reached
 */
public record TargetStatus(
    String id,
    String title,
    String service,
    List<RestartHistory.Entry> restarts,
    int maxRestarts,
    Duration window,
    Duration cooldownLeft,
    Optional<Instant> limitUntil,
    Optional<CheckReport> lastCheck,
    String stateFile,
    String healthLog,
    String cronLog) {

  /** The guard's words for the window: {@code per hour}, {@code per 5 minutes}. */
  public String perWindow() {
    return RestartGuard.perWindow(window);
  }

  /** {@code 3/5 restarts per hour, cooldown 40s left}, or {@code limit reached until ...}. */
  public String protectionWords() {
    String used =
        restarts.size() + "/" + maxRestarts + " restarts " + RestartGuard.perWindow(window);
    if (limitUntil.isPresent()) {
      return used + ", limit reached until " + limitUntil.get();
    }
    if (!cooldownLeft.isZero()) {
      return used + ", cooldown " + cooldownLeft.getSeconds() + "s left";
    }
    return used + ", ready";
  }
}
