/**
 * Loads the shipped menus and the site's target files into {@link org.watchdogmenu.model.Target}s
 * and validates them.
 *
 * <p>Sources, read on every run (cron included), nothing else is scanned:
 *
 * <ul>
 *   <li>{@code menus/*.yaml} on the class path (the build copies {@code menus/} into the jar): one
 *       file per system with its intervals, roles and the full default target of each role, and
 *       templates ({@code pm2-app}, {@code systemd-service}) that site files extend. A menu that
 *       lists no intervals offers those of {@code menus/_defaults.yaml}; every interval must be one
 *       cron can run at ({@link org.watchdogmenu.model.CronInterval}), else the menu is refused.
 *   <li>{@code /etc/watchdog-menu/targets/<id>.yaml} under the host root: one file per site target;
 *       the file name must be the id.
 * </ul>
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>A site file with {@code extends: X} starts from catalog template or target X, without X's
 *       {@code id}, {@code title} and {@code paths} (so two targets never share a state file).
 *       Otherwise a site file whose id is a catalog target's overrides that target, paths included.
 *       Otherwise it stands alone (system {@code custom} unless it says). Two targets with one
 *       state file are an error.
 *   <li>Merging is a deep merge of the YAML trees: mappings are merged key by key, every other
 *       value (lists included) replaces the inherited one whole. To add a probe, repeat the list.
 *       An empty value ({@code key:}) removes the inherited value, so the model default applies.
 *   <li>After merging, probes that leave their subject empty take it from the service: {@code pm2}
 *       gets {@code app} and {@code user} of a pm2 service, {@code memory} and {@code cpu} get
 *       {@code pm2_app} (when none of {@code pid_file}, {@code process}, {@code pm2_app} is given),
 *       {@code docker} gets {@code container} of a docker service, {@code log-scan} gets {@code
 *       unit} of a systemd service (when neither {@code unit} nor {@code file} is given).
 *   <li>Unit names are kept as written; systemctl and journalctl read a name without a suffix as
 *       {@code NAME.service}, and the seeds' cron file names use the bare name.
 *   <li>{@link org.watchdogmenu.catalog.TargetFiles} makes site files from settings ({@code
 *       KEY=VALUE}) for the menu's Settings screen and {@code watchdog-menu target set|add}: for a
 *       shipped target only the changed keys, in an existing file a change in place where it can be
 *       made (its comments stay), else the file written anew. Every candidate is read back together
 *       with the other files ({@link org.watchdogmenu.catalog.Catalog#checkSiteFile}) before it is
 *       handed on, so a bad value is refused as one line and never written.
 *   <li>Every error is one line naming the file and line that set the value, the key, and what to
 *       do. A broken site file is listed in {@link org.watchdogmenu.catalog.Catalog#problems()} and
 *       breaks only its own target.
 * </ul>
 */
package org.watchdogmenu.catalog;
