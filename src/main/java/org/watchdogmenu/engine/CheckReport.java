package org.watchdogmenu.engine;

import java.time.Instant;

/**
 * The end of one health check.
 *
 * @param summary one line for status screens: {@code Service is healthy}, {@code Recovered by
 *     restart (systemctl restart paqet-server)}
 */
public record CheckReport(Instant at, Outcome outcome, String summary) {}
