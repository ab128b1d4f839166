package org.watchdogmenu.catalog;

/** The text of a file and the name errors give it. */
record NamedText(String name, String text) {}
