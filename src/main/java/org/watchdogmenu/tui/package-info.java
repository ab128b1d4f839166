/**
 * The menu ({@code sudo watchdog-menu}): Lanterna screens that show state and plans and ask; every
 * change goes through the same {@code Engine}, {@code Planner} and {@code Applier} the command line
 * uses. {@link org.watchdogmenu.tui.Menu} is the entry point; views are plain classes that turn
 * keys into steps and draw lines, so they are tested headless on a virtual terminal.
 */
package org.watchdogmenu.tui;
