/**
 * The installer: writes cron.d files, systemd units and drop-ins, sudoers, linger and logrotate
 * from {@code templates/}, and the site's target files made by the catalog, previewed, validated by
 * the real tools (a target file by the catalog itself), and reversible.
 *
 * <p>Flow: {@link org.watchdogmenu.install.Planner} builds a {@link org.watchdogmenu.install.Plan}
 * (nothing written) → {@link org.watchdogmenu.install.Plan#preview} shows a unified diff per file
 * and the commands → {@link org.watchdogmenu.install.Applier#apply} validates every file (cron
 * rules in Java, {@code visudo -cf}, {@code systemd-analyze verify} with empty stderr, {@code
 * logrotate -d} without {@code error:}), backs up what it replaces under {@code
 * /var/lib/watchdog-menu/backups/<apply-id>/}, writes dot-named temp files with mode and owner,
 * renames them into place and records the apply in {@code /var/lib/watchdog-menu/manifest.json}.
 * One lock ({@code install.lock}) keeps two runs apart. {@code disable}, {@code undo} and {@code
 * uninstall} touch only files the manifest lists and put back what they replaced; {@link
 * org.watchdogmenu.install.Doctor} re-validates them.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>Cron jobs call the engine ({@code watchdog-menu check|restart TARGET}); stdout goes to
 *       /dev/null (the engine writes its own log) and stderr is appended to the target's log. No
 *       shell scripts are generated: the camera platform's guide's wrapper (linger, cd, run as the
 *       user) is the engine's command-kind restart, which runs in the service's folder as its user;
 *       linger is ensured once when the restart or health check is enabled.
 *   <li>Every 24 hours renders as {@code @daily}, so it never reads back as "daily at 00:00".
 *       Intervals that do not divide the hour or day are allowed and the plan warns that cron
 *       restarts its count each hour (or day). Fixed times must share their minute (one line).
 *   <li>Commands (daemon-reload, enable, loginctl, pm2 startup) are planned only when systemd runs
 *       ({@code /run/systemd/system}); otherwise the plan says what to run later, and linger is the
 *       file {@code /var/lib/systemd/linger/USER}.
 *   <li>A unit whose ExecStart is the watchdog-menu launcher is verified with /bin/true in its
 *       place while the launcher is not installed; a drop-in is verified beside its installed unit
 *       or a stub.
 *   <li>Undo and uninstall refuse to overwrite a file edited by hand since it was written, and name
 *       it.
 * </ul>
 */
package org.watchdogmenu.install;
