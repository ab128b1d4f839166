package org.watchdogmenu.catalog;

/**
 * A file that could not be loaded.
 *
 * @param file the file as the operator knows it, e.g. {@code /etc/watchdog-menu/targets/web.yaml}
 * @param message the whole one-line error, starting with the file and line
 */
public record Problem(String file, String message) {}
