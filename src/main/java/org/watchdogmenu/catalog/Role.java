package org.watchdogmenu.catalog;

/**
 * A role of a system ({@code server}, {@code client}) and the catalog target that plays it.
 *
 * @param id the role as written in target files, e.g. {@code server}
 * @param title how the menu names it
 * @param targetId the id of the target, e.g. {@code paqet-server}
 */
public record Role(String id, String title, String targetId) {}
