package org.watchdogmenu.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A maintenance pause of one target (a deploy, a planned stop): until {@code until}, checks still
 * run and are logged, but nothing restarts the target on its own and its failure alerts are held.
 * {@code restart --force} still restarts it.
 *
 * @param since when the pause was started
 * @param until when it ends by itself (wall clock), whatever else happens
 * @param reason the operator's words ({@code deploy}); empty when none was given
 */
public record Pause(Instant since, Instant until, String reason) {
  /** The longest pause there can be: a forgotten one never outlives this. */
  public static final Duration MAX = Duration.ofDays(7);

  /** The longest reason kept. */
  public static final int REASON_MAX = 200;

  public Pause {
    since = since.truncatedTo(ChronoUnit.SECONDS);
    until = until.truncatedTo(ChronoUnit.SECONDS);
    reason = reason == null ? "" : reason;
  }

  /** Whether the pause still holds at {@code now}. */
  public boolean holdsAt(Instant now) {
    return now.isBefore(until);
  }

  /** How long it still holds (zero once it is over). */
  public Duration left(Instant now) {
    Duration d = Duration.between(now, until);
    return d.isNegative() ? Duration.ZERO : d;
  }

  /**
   * A duration rounded down for people, as the menu writes ages: {@code 35s}, {@code 25m}, {@code
   * 5h}, {@code 3d}.
   */
  public static String span(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 120) {
      return s + "s";
    }
    if (s < 7200) {
      return s / 60 + "m";
    }
    if (s < 172_800) {
      return s / 3600 + "h";
    }
    return s / 86_400 + "d";
  }

  /** The log's words: {@code paused until 2026-12-01T22:30:00Z (deploy)}. */
  public String words() {
    return "paused until " + until + (reason.isEmpty() ? "" : " (" + reason + ")");
  }

  /**
   * What is wrong with a reason a person typed; empty when it can be kept: one line of at most
   * {@value #REASON_MAX} characters without control characters.
   */
  public static Optional<String> reasonProblem(String reason) {
    if (reason.length() > REASON_MAX) {
      return Optional.of(
          "--reason is "
              + reason.length()
              + " characters long: keep it to "
              + REASON_MAX
              + " (one line saying why)");
    }
    if (reason.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return Optional.of(
          "--reason holds a line break or a control character: write it on one line");
    }
    return Optional.empty();
  }
}
