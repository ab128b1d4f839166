/**
 * The continuous monitor ({@code watchdog-menu monitor}): one long-running process that checks each
 * monitored target at its own interval through the same engine, guard and state files as cron's
 * {@code check}, reloads on SIGHUP or when its files change, stops cleanly on SIGTERM, and shows it
 * is alive with a heartbeat file and systemd's watchdog.
 */
package org.watchdogmenu.monitor;
