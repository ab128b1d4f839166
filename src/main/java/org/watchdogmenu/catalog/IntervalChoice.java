package org.watchdogmenu.catalog;

import java.time.Duration;

/**
 * One interval the menu offers for health checks or scheduled restarts.
 *
 * @param every how often
 * @param label the words after the interval, e.g. {@code balanced}
 * @param warning shown before the operator confirms this choice, or null
 * @param recommended whether the menu marks it as the recommended choice
 */
public record IntervalChoice(Duration every, String label, String warning, boolean recommended) {}
