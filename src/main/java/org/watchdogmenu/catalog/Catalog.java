package org.watchdogmenu.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.HostRoot;

/**
 * The systems and targets this host knows: the shipped {@code menus/} merged with the site's {@code
 * /etc/watchdog-menu/targets/*.yaml}. A broken file does not stop the others from loading: it is
 * listed in {@link #problems()} and only its own target fails in {@link #target(String)}.
 */
public final class Catalog {
  /** The folder, on the host, of the site's target files ({@code <id>.yaml}). */
  public static final String SITE_DIR = "/etc/watchdog-menu/targets";

  /**
   * The trees of the shipped targets and templates by id, as read from the menus: what site files
   * start from.
   */
  record Sources(Map<String, SourceTree> targets, Map<String, SourceTree> templates) {
    Sources {
      targets = Map.copyOf(targets);
      templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
    }
  }

  private final HostRoot root;
  private final List<NamedText> menus;
  private final Sources sources;
  private final List<CatalogSystem> systems;
  private final Map<String, Target> targets;
  private final Map<String, String> broken;
  private final Set<String> siteIds;
  private final List<String> templates;
  private final List<Problem> problems;
  private final Set<String> knownIds;
  private Map<String, Optional<String>> asIf = Map.of();

  Catalog(
      HostRoot root,
      List<NamedText> menus,
      Sources sources,
      List<CatalogSystem> systems,
      List<Target> targets,
      Map<String, String> broken,
      Set<String> siteIds,
      List<Problem> problems) {
    this.root = root;
    this.menus = List.copyOf(menus);
    this.sources = sources;
    this.systems = List.copyOf(systems);
    this.targets = new LinkedHashMap<>();
    targets.forEach(t -> this.targets.put(t.id(), t));
    this.broken = Map.copyOf(broken);
    this.siteIds = Set.copyOf(siteIds);
    this.templates = List.copyOf(sources.templates().keySet());
    this.problems = List.copyOf(problems);
    Set<String> ids = new TreeSet<>(this.targets.keySet());
    ids.addAll(this.broken.keySet());
    ids.addAll(this.siteIds);
    this.knownIds = Collections.unmodifiableSet(ids);
  }

  /** Reads the shipped menus and the site files under root. Never throws for a bad file. */
  public static Catalog load(HostRoot root) {
    return load(root, MenuFiles.fromClassPath());
  }

  static Catalog load(HostRoot root, List<NamedText> menus) {
    return new CatalogLoader().load(root, menus, Map.of());
  }

  /**
   * The catalog as it would be with these site files, by target id: a text in place of (or beside)
   * the file on disk, an empty one as if the file were gone. Never throws for a bad file.
   */
  public static Catalog loadAsIf(HostRoot root, Map<String, Optional<String>> siteTexts) {
    Map<String, Optional<String>> byPath = new LinkedHashMap<>();
    siteTexts.forEach((id, text) -> byPath.put(siteFile(id), text));
    Catalog c = new CatalogLoader().load(root, MenuFiles.fromClassPath(), byPath);
    c.asIf = Map.copyOf(byPath);
    return c;
  }

  /**
   * The target that a site file with this text would give, read together with the other files as
   * they are now, as if it were written.
   *
   * @throws CatalogException the one-line problem of the file (naming its line and key), or the
   *     first problem it would cause in another file
   */
  public Target checkSiteFile(String id, String text) {
    Map<String, Optional<String>> candidates = new LinkedHashMap<>(asIf);
    candidates.put(siteFile(id), Optional.of(text));
    Catalog after = new CatalogLoader().load(root, menus, candidates);
    if (after.broken.containsKey(id)) {
      throw new CatalogException(after.broken.get(id));
    }
    for (Problem p : after.problems) {
      if (!problems.contains(p)) {
        throw new CatalogException(p.message());
      }
    }
    return after.target(id);
  }

  /** The root the site files were read under. */
  public HostRoot root() {
    return root;
  }

  Sources sources() {
    return sources;
  }

  /** The systems in menu order. */
  public List<CatalogSystem> systems() {
    return systems;
  }

  /** Every target that loaded: catalog targets in menu order, then site targets by id. */
  public List<Target> targets() {
    return List.copyOf(targets.values());
  }

  /**
   * The target with this id.
   *
   * @throws CatalogException if the id is not a target name, its file is broken, or there is no
   *     such target
   */
  public Target target(String id) {
    if (!Target.isValidId(id)) {
      throw new CatalogException(
          "'" + id + "' is not a target name: use lower-case letters, digits and dashes");
    }
    if (broken.containsKey(id)) {
      throw new CatalogException(broken.get(id));
    }
    Target target = targets.get(id);
    if (target == null && templates.contains(id)) {
      throw new CatalogException(
          "'"
              + id
              + "' is a template, not a target: write "
              + SITE_DIR
              + "/NAME.yaml with 'extends: "
              + id
              + "'");
    }
    if (target == null) {
      throw new CatalogException(
          "unknown target '" + id + "': run 'watchdog-menu list' to see the targets");
    }
    return target;
  }

  /**
   * Whether the site has a file for this id (even a broken one), i.e. its settings were changed.
   */
  public boolean hasSiteFile(String id) {
    return siteIds.contains(id);
  }

  /** The host path of the site file of a target, whether it exists or not. */
  public static String siteFile(String id) {
    if (!Target.isValidId(id)) {
      throw new CatalogException(
          "'" + id + "' is not a target name: use lower-case letters, digits and dashes");
    }
    return SITE_DIR + "/" + id + ".yaml";
  }

  /**
   * Every target id this host has: the targets that loaded, and those whose file is broken now or
   * exists at all (their series and state belong to a target that is still there).
   */
  public Set<String> knownIds() {
    return knownIds;
  }

  /** Files that could not be loaded, one line each, in the order they were read. */
  public List<Problem> problems() {
    return problems;
  }
}
