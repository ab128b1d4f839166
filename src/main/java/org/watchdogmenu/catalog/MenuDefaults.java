package org.watchdogmenu.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The interval lists read from {@link MenuFiles#DEFAULTS}, offered by every menu that does not list
 * its own; empty when there is no such file (or it is broken: that is its own problem).
 */
record MenuDefaults(
    Optional<List<IntervalChoice>> healthIntervals,
    Optional<List<IntervalChoice>> restartIntervals) {
  static final MenuDefaults NONE = new MenuDefaults(Optional.empty(), Optional.empty());
}
