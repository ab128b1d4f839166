package org.watchdogmenu.monitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.catalog.CatalogException;
import org.watchdogmenu.catalog.OneTarget;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.HostRoot;

/**
 * The targets the monitor checks: those named on its command line, else those of {@link
 * MonitorList}. Each reload reads the files again; a target whose file became invalid keeps its
 * last good settings, and the reason is reported.
 *
 * <p>Targets are read compiled ({@link OneTarget#compiled}); those whose compiled form is missing
 * or out of date are compiled first ({@link TargetCompiler}), and only what still does not load is
 * read through the whole {@link Catalog}, for its one-line problem. So while the files are plain,
 * the monitor never holds the catalog's parsers.
 */
final class MonitoredTargets {
  private final HostRoot root;
  private final List<String> named;
  private final TargetCompiler compiler;
  private Map<String, Target> current = Map.of();
  private volatile Optional<Set<String>> knownIds = Optional.empty();

  MonitoredTargets(HostRoot root, List<String> named, TargetCompiler compiler) {
    this.root = root;
    this.named = List.copyOf(named);
    this.compiler = compiler;
  }

  /**
   * Reads the target list and the target files again.
   *
   * @return one line per problem, for the log
   */
  List<String> reload() {
    List<String> problems = new ArrayList<>();
    List<String> ids = named;
    if (ids.isEmpty()) {
      try {
        ids = MonitorList.read(root).targets();
      } catch (ConfigException e) {
        problems.add("keeping the last good target list: " + e.getMessage());
        ids = List.copyOf(current.keySet());
      }
    }
    Map<String, OneTarget> compiled = compiled(ids);
    List<String> missing = missing(ids, compiled);
    if (!missing.isEmpty()) {
      compiler.compile(root, missing);
      compiled.putAll(compiled(missing));
      missing = missing(ids, compiled);
    }
    Optional<Catalog> catalog =
        missing.isEmpty() ? Optional.empty() : Optional.of(Catalog.load(root));
    knownIds =
        catalog.isPresent()
            ? catalog.map(Catalog::knownIds)
            : compiled.values().stream().findFirst().flatMap(OneTarget::knownIds);
    Map<String, Target> next = new TreeMap<>();
    for (String id : ids) {
      OneTarget one = compiled.get(id);
      if (one != null) {
        next.put(id, one.target());
        continue;
      }
      try {
        next.put(id, catalog.orElseThrow().target(id));
      } catch (CatalogException e) {
        Target lastGood = current.get(id);
        if (lastGood != null) {
          next.put(id, lastGood);
          problems.add(id + ": keeping the last good settings: " + e.getMessage());
        } else {
          problems.add(id + ": not monitored: " + e.getMessage());
        }
      }
    }
    current = next;
    return problems;
  }

  private Map<String, OneTarget> compiled(List<String> ids) {
    Map<String, OneTarget> found = new HashMap<>();
    for (String id : ids) {
      OneTarget.compiled(root, id).ifPresent(one -> found.put(id, one));
    }
    return found;
  }

  private static List<String> missing(List<String> ids, Map<String, OneTarget> compiled) {
    return ids.stream().filter(id -> !compiled.containsKey(id)).toList();
  }

  /**
   * Whether the target files as last loaded have this target id (any id before the first load, or
   * when the site folder could not be listed): the metrics drop the series of the others.
   */
  boolean isKnown(String id) {
    return knownIds.map(ids -> ids.contains(id)).orElse(true);
  }

  /** The targets to check, by id. */
  Map<String, Target> current() {
    return current;
  }
}
