package org.watchdogmenu.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where each value of a YAML tree was written: a map from a path ({@code probes[0].url}, the root
 * is {@code ""}) to the file and line that set it. Survives merging, so errors found afterwards
 * still point at the right file.
 */
final class SourceMap {
  private final String primaryFile;
  private final Map<String, Location> lines;

  SourceMap(String primaryFile, Map<String, Location> lines) {
    this.primaryFile = primaryFile;
    this.lines = Map.copyOf(lines);
  }

  String primaryFile() {
    return primaryFile;
  }

  /** Where the value at path, or the nearest enclosing value, was written. */
  Location at(String path) {
    for (String p = path; ; p = parent(p)) {
      Location where = lines.get(p);
      if (where != null) {
        return where;
      }
      if (p.isEmpty()) {
        return new Location(primaryFile, 1);
      }
    }
  }

  /**
   * Where to report a missing value: the nearest enclosing value written in the primary file (the
   * file the operator edits), else its first line.
   */
  Location forMissing(String path) {
    for (String p = path; ; p = parent(p)) {
      Location where = lines.get(p);
      if (where != null && where.file().equals(primaryFile)) {
        return where;
      }
      if (p.isEmpty()) {
        return new Location(primaryFile, 1);
      }
    }
  }

  /** The last line that holds a value at or under path. */
  int lastLine(String path) {
    return lines.entrySet().stream()
        .filter(e -> isAtOrUnder(e.getKey(), path))
        .mapToInt(e -> e.getValue().line())
        .max()
        .orElse(1);
  }

  /** The part under prefix, with paths made relative to it. */
  SourceMap sub(String prefix) {
    Map<String, Location> out = new HashMap<>();
    lines.forEach(
        (path, where) -> {
          if (path.equals(prefix)) {
            out.put("", where);
          } else if (path.startsWith(prefix + ".")) {
            out.put(path.substring(prefix.length() + 1), where);
          } else if (path.startsWith(prefix + "[")) {
            out.put(path.substring(prefix.length()), where);
          }
        });
    return new SourceMap(primaryFile, out);
  }

  /** This without the top-level keys given (and everything under them). */
  SourceMap without(Set<String> keys) {
    Map<String, Location> out = new HashMap<>(lines);
    out.keySet().removeIf(path -> keys.stream().anyMatch(k -> isAtOrUnder(path, k)));
    return new SourceMap(primaryFile, out);
  }

  /**
   * The lines after merging {@code over} onto this: values replaced whole lose their old lines, and
   * over's file becomes the primary file.
   */
  SourceMap overlay(SourceMap over, Set<String> replaced) {
    Map<String, Location> out = new HashMap<>(lines);
    out.keySet().removeIf(path -> replaced.stream().anyMatch(r -> isAtOrUnder(path, r)));
    out.putAll(over.lines);
    return new SourceMap(over.primaryFile, out);
  }

  private static boolean isAtOrUnder(String path, String top) {
    return path.equals(top) || path.startsWith(top + ".") || path.startsWith(top + "[");
  }

  static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }

  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
