package org.watchdogmenu.model;

import java.util.Optional;

/**
 * Who asks for a restart, under the word the restart history's state file ({@code EPOCH SOURCE})
 * and the metrics' {@code source} label give it.
 */
public enum RestartSource implements RecordedSource {
  /** A health check run by cron or by a person ({@code check TARGET}, the menu). */
  HEALTH("health"),
  /** A scheduled restart ({@code restart TARGET --source cron}). */
  CRON("cron"),
  /** A person's restart ({@code restart TARGET}, the menu's Restart now). */
  MANUAL("manual"),
  /** A health check of the continuous monitor. */
  MONITOR("monitor");

  private final String word;

  RestartSource(String word) {
    this.word = word;
  }

  /** The lowercase word of the state file, the logs and the metrics: {@code health}. */
  @Override
  public String word() {
    return word;
  }

  /** The source a word names, or empty for a word this version does not know. */
  public static Optional<RestartSource> ofWord(String word) {
    for (RestartSource s : values()) {
      if (s.word.equals(word)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The word, so a log line that names a source reads as it always has. */
  @Override
  public String toString() {
    return word;
  }
}
