package org.watchdogmenu.catalog;

import java.time.LocalTime;
import java.util.List;

/**
 * Scheduled restarts at fixed times of day, offered as one choice (one cron line).
 *
 * @param at the times, in the order the menu file lists them
 */
public record FixedTimes(List<LocalTime> at, String label, boolean recommended) {
  public FixedTimes {
    at = List.copyOf(at);
  }
}
