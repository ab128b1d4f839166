package org.watchdogmenu.catalog;

import java.util.List;

/** A menu file read: the system, its role targets and its templates, as trees with their lines. */
record Menu(CatalogSystem system, List<SourceTree> targets, List<SourceTree> templates) {}
