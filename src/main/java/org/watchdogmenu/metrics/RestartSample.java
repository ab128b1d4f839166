package org.watchdogmenu.metrics;

import java.time.Instant;

/**
 * One pass through the restart guard.
 *
 * @param source who asked: {@code health}, {@code cron}, {@code manual} or {@code monitor}
 * @param ran the restart command was run (the guard's RESTARTED or FAILED), so it counts as a
 *     restart
 * @param limitReached automatic restarts are stopped after this attempt (DENIED, or the restart
 *     just used the last one of the window)
 */
public record RestartSample(Instant at, String source, boolean ran, boolean limitReached) {}
