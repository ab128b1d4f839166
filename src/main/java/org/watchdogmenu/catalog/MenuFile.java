package org.watchdogmenu.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;

/**
 * The shape of a {@code menus/*.yaml} file, as the strict mapper reads it. A menu without {@code
 * health_intervals} or {@code restart_intervals} (null here) offers the shared lists of {@link
 * MenuFiles#DEFAULTS}.
 */
record MenuFile(
    String system,
    String title,
    String description,
    Integer order,
    List<IntervalEntry> healthIntervals,
    List<IntervalEntry> restartIntervals,
    List<TimesEntry> restartTimes,
    List<RoleEntry> roles,
    List<ObjectNode> templates) {

  MenuFile {
    restartTimes = restartTimes == null ? List.of() : restartTimes;
    roles = roles == null ? List.of() : roles;
    templates = templates == null ? List.of() : templates;
  }

  /** An interval as written, {@code every: 5m}, before it is checked against cron's rule. */
  record IntervalEntry(Duration every, String label, String warning, boolean recommended) {}

  /** A role and its full default target. */
  record RoleEntry(String role, String title, ObjectNode target) {}

  /** Fixed restart times written {@code "08:00"}. */
  record TimesEntry(List<String> at, String label, boolean recommended) {}

  /** The shape of {@link MenuFiles#DEFAULTS}: the interval lists every menu shares. */
  record Defaults(List<IntervalEntry> healthIntervals, List<IntervalEntry> restartIntervals) {}
}
