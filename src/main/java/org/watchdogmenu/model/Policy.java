package org.watchdogmenu.model;

import java.time.Duration;

/**
 * Restart protection and retry settings; defaults are the tunnel scripts' guide's.
 *
 * @param interval how often the continuous monitor checks (cron runs follow their schedule)
 * @param restartTimeout how long one restart command may take before its process tree is killed
 */
public record Policy(
    Duration interval,
    Integer retries,
    Duration retryDelay,
    Duration grace,
    Duration cooldown,
    Integer maxRestarts,
    Duration window,
    Duration lockTimeout,
    Duration restartTimeout) {

  public static final Policy DEFAULTS =
      new Policy(null, null, null, null, null, null, null, null, null);

  public Policy {
    interval = interval == null ? Duration.ofSeconds(30) : interval;
    retries = retries == null ? 3 : retries;
    retryDelay = retryDelay == null ? Duration.ofSeconds(5) : retryDelay;
    grace = grace == null ? Duration.ofSeconds(30) : grace;
    cooldown = cooldown == null ? Duration.ofSeconds(120) : cooldown;
    maxRestarts = maxRestarts == null ? 5 : maxRestarts;
    window = window == null ? Duration.ofHours(1) : window;
    lockTimeout = lockTimeout == null ? Duration.ofSeconds(10) : lockTimeout;
    restartTimeout = restartTimeout == null ? Duration.ofSeconds(120) : restartTimeout;
    if (retries < 1) {
      throw new IllegalArgumentException("policy.retries must be at least 1");
    }
    if (maxRestarts < 1) {
      throw new IllegalArgumentException("policy.max_restarts must be at least 1");
    }
    if (interval.isZero() || window.isZero()) {
      throw new IllegalArgumentException("policy.interval and policy.window must be longer than 0");
    }
  }
}
