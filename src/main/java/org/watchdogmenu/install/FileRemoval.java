package org.watchdogmenu.install;

/** One file of ours a plan deletes. */
public record FileRemoval(String path, FileKind kind, FeatureKey feature) {}
