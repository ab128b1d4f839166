package org.watchdogmenu.metrics;

import java.time.Instant;
import org.watchdogmenu.model.RestartSource;

/**
 * One pass through the restart guard.
 *
 * @param source who asked; its word ({@code health}, {@code cron}, {@code manual}, {@code monitor})
 *     is the {@code source} label
 * @param ran the restart command was run (the guard's RESTARTED or FAILED), so it counts as a
 *     restart
 * @param limitReached automatic restarts are stopped after this attempt (DENIED, or the restart
 *     just used the last one of the window)
 */
public record RestartSample(Instant at, RestartSource source, boolean ran, boolean limitReached) {}
