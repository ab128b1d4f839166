package org.watchdogmenu.catalog;

import org.watchdogmenu.model.CronInterval;

/**
 * One interval the menu offers for health checks or scheduled restarts.
 *
 * @param every how often: only what a cron line can run at ({@link CronInterval}), so every choice
 *     the menu shows can be installed
 * @param label the words after the interval, e.g. {@code balanced}
 * @param warning shown before the operator confirms this choice, or null
 * @param recommended whether the menu marks it as the recommended choice
 */
public record IntervalChoice(
    CronInterval every, String label, String warning, boolean recommended) {}
