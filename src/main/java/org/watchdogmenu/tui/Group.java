package org.watchdogmenu.tui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.catalog.CatalogSystem;
import org.watchdogmenu.catalog.Role;
import org.watchdogmenu.model.Target;

/**
 * A line of the systems menu: a catalog system with its targets (roles first, then the site's own
 * targets of that system), or the operator's own targets that belong to no system.
 *
 * @param system the catalog system, or null for the operator's own targets
 */
record Group(String title, CatalogSystem system, List<Target> targets) {
  static final String OWN = "Your own targets";

  static List<Group> of(Catalog catalog) {
    List<Group> groups = new ArrayList<>();
    Set<String> known = new LinkedHashSet<>();
    for (CatalogSystem s : catalog.systems()) {
      known.add(s.id());
      List<Target> ts = catalog.targets().stream().filter(t -> t.system().equals(s.id())).toList();
      groups.add(new Group(s.title(), s, ts));
    }
    List<Target> own = catalog.targets().stream().filter(t -> !known.contains(t.system())).toList();
    if (!own.isEmpty()) {
      groups.add(new Group(OWN, null, own));
    }
    return groups;
  }

  /** How the roles menu and the breadcrumb name a target: its role ({@code Server}) or title. */
  String name(Target t) {
    return role(t).map(r -> capital(r.id())).orElse(t.title());
  }

  /** The longer name in the roles menu: {@code Server (foreign VPS)}, or the title. */
  String longName(Target t) {
    return role(t).map(Role::title).orElse(t.title());
  }

  private Optional<Role> role(Target t) {
    if (system == null) {
      return Optional.empty();
    }
    return system.roles().stream().filter(r -> r.targetId().equals(t.id())).findFirst();
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  /** Why the group cannot be opened (no targets yet); empty when it has targets. */
  Optional<String> emptyReason() {
    if (!targets.isEmpty()) {
      return Optional.empty();
    }
    String extend = system == null || system.templates().isEmpty() ? "" : system.templates().get(0);
    return Optional.of(
        "no targets yet: add "
            + Catalog.SITE_DIR
            + "/NAME.yaml"
            + (extend.isEmpty() ? "" : " with 'extends: " + extend + "'"));
  }
}
