package org.watchdogmenu.service;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether a service runs, and since when.
 *
 * @param since when it last started, when the service manager says
 * @param detail words for the log: {@code active}, {@code inactive (failed)}, {@code errored}
 */
public record ServiceState(Activity activity, Optional<Instant> since, String detail) {

  /** Running or not, as far as its manager can tell. */
  public enum Activity {
    ACTIVE,
    INACTIVE,
    /** The manager could not be asked or gave no clear answer. */
    UNKNOWN,
    /** The target has no way to ask (a command service without a status command). */
    UNTRACKED
  }

  public static ServiceState active(Optional<Instant> since) {
    return new ServiceState(Activity.ACTIVE, since, "active");
  }

  public static ServiceState inactive(String detail) {
    return new ServiceState(Activity.INACTIVE, Optional.empty(), detail);
  }

  public static ServiceState unknown(String detail) {
    return new ServiceState(Activity.UNKNOWN, Optional.empty(), detail);
  }

  public static ServiceState untracked() {
    return new ServiceState(Activity.UNTRACKED, Optional.empty(), "not tracked");
  }
}
