package org.watchdogmenu.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A YAML mapping read from a file, with the line of every value. */
record SourceTree(ObjectNode tree, SourceMap lines) {}
