package org.watchdogmenu.probe;

/**
 * A probe's settings cannot work (a field missing, a bad regex). Reported as {@link
 * Verdict#UNKNOWN} with a message that names the field and what to do, never as a reason to
 * restart.
 */
final class ConfigProblem extends RuntimeException {
  ConfigProblem(String message) {
    super(message);
  }

  /** The field is required: {@code http probe: url is missing: set url, e.g. http://...}. */
  static ConfigProblem missing(String type, String field, String example) {
    return new ConfigProblem(
        type + " probe: " + field + " is missing: set " + field + ", e.g. " + example);
  }
}
