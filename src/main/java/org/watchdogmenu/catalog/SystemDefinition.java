package org.watchdogmenu.catalog;

import java.util.List;

/**
 * One system as its {@code menus/<system>.yaml} file defines it, read and checked: the system (its
 * header and interval choices), its role targets and its templates, as trees with their lines.
 */
record SystemDefinition(
    CatalogSystem system, List<SourceTree> targets, List<SourceTree> templates) {}
