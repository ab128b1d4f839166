package org.watchdogmenu.install;

/** A scheduled feature of a target, each written as one cron file. */
public enum Feature {
  /** {@code watchdog-menu check TARGET} on a schedule. */
  HEALTH("health", "health check"),
  /** {@code watchdog-menu restart TARGET --source cron} on a schedule. */
  RESTART("restart", "scheduled restart");

  private final String key;
  private final String words;

  Feature(String key, String words) {
    this.key = key;
    this.words = words;
  }

  /** The word in the cron file's name and in the CLI: {@code health}, {@code restart}. */
  public String key() {
    return key;
  }

  /** What it is called in sentences. */
  public String words() {
    return words;
  }
}
