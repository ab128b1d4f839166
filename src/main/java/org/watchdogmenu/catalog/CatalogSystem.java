package org.watchdogmenu.catalog;

import java.util.List;

/**
 * A system the menu offers (Paqet, camera platform, PM2 apps ...), read from its {@code menus/}
 * file.
 *
 * @param id the system id, used in generated file names, e.g. {@code paqet}
 * @param order where the menu lists it (lowest first)
 * @param healthIntervals the health-check intervals offered
 * @param restartIntervals the scheduled-restart intervals offered
 * @param restartTimes fixed-time restart choices (may be empty)
 * @param roles the roles and their catalog targets, in menu order
 * @param templates ids of templates site files can extend (e.g. {@code pm2-app})
 */
public record CatalogSystem(
    String id,
    String title,
    String description,
    int order,
    List<IntervalChoice> healthIntervals,
    List<IntervalChoice> restartIntervals,
    List<FixedTimes> restartTimes,
    List<Role> roles,
    List<String> templates) {

  public CatalogSystem {
    healthIntervals = List.copyOf(healthIntervals);
    restartIntervals = List.copyOf(restartIntervals);
    restartTimes = List.copyOf(restartTimes);
    roles = List.copyOf(roles);
    templates = List.copyOf(templates);
  }
}
