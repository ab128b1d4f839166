package org.watchdogmenu.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.catalog.CatalogException;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.HostRoot;

/**
 * The targets the monitor checks: those named on its command line, else those of {@link
 * MonitorList}. Each reload reads the files again; a target whose file became invalid keeps its
 * last good settings, and the reason is reported.
 */
final class MonitoredTargets {
  private final HostRoot root;
  private final List<String> named;
  private Map<String, Target> current = Map.of();
  private volatile Set<String> knownIds;

  MonitoredTargets(HostRoot root, List<String> named) {
    this.root = root;
    this.named = List.copyOf(named);
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
    Catalog catalog = Catalog.load(root);
    knownIds = catalog.knownIds();
    Map<String, Target> next = new TreeMap<>();
    for (String id : ids) {
      try {
        next.put(id, catalog.target(id));
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

  /**
   * Whether the catalog as last loaded has this target id (any id before the first load): the
   * metrics drop the series of the others.
   */
  boolean isKnown(String id) {
    Set<String> ids = knownIds;
    return ids == null || ids.contains(id);
  }

  /** The targets to check, by id. */
  Map<String, Target> current() {
    return current;
  }
}
