package org.watchdogmenu.metrics;

import java.util.List;

/**
 * What running an alarm plan did.
 *
 * @param lines one per command that ran, then the failure's line when one failed
 * @param ok every command succeeded
 */
public record AlarmResult(List<String> lines, boolean ok) {
  public AlarmResult {
    lines = List.copyOf(lines);
  }
}
