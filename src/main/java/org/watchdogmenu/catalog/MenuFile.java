package org.watchdogmenu.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The shape of a {@code menus/*.yaml} file, as the strict mapper reads it. */
record MenuFile(
    String system,
    String title,
    String description,
    Integer order,
    List<IntervalChoice> healthIntervals,
    List<IntervalChoice> restartIntervals,
    List<TimesEntry> restartTimes,
    List<RoleEntry> roles,
    List<ObjectNode> templates) {

  MenuFile {
    healthIntervals = healthIntervals == null ? List.of() : healthIntervals;
    restartIntervals = restartIntervals == null ? List.of() : restartIntervals;
    restartTimes = restartTimes == null ? List.of() : restartTimes;
    roles = roles == null ? List.of() : roles;
    templates = templates == null ? List.of() : templates;
  }

  /** A role and its full default target. */
  record RoleEntry(String role, String title, ObjectNode target) {}

  /** Fixed restart times written {@code "08:00"}. */
  record TimesEntry(List<String> at, String label, boolean recommended) {}
}
