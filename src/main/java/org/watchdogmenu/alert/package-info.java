/**
 * Alerts that reach a person: restart done or failed, restart limit reached, recovered, check
 * UNKNOWN, monitor started or stopped.
 *
 * <p>Entry point: {@link org.watchdogmenu.alert.Alerts}. {@code Alerts.load(host)} reads {@code
 * /etc/watchdog-menu/alerts.yaml} (no file: no channels); {@code notify(event, window)} sends;
 * {@code sendTest()} sends a test through every channel for {@code watchdog-menu alert} and the
 * menu. {@link org.watchdogmenu.alert.NewChannel} and {@link org.watchdogmenu.alert.AlertsEdit}
 * give the installer the file with one more channel ({@code alert add-channel}, the menu's form);
 * {@link org.watchdogmenu.alert.AlertSecrets} masks what is secret wherever the file is shown.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Channels: {@code slack} ({@code {"text": ...}}, also Mattermost and Rocket.Chat), {@code
 *       webhook} (JSON {@code event, target, message, time, host, details}, optional headers) and
 *       {@code command} (argv without a shell; placeholders {@code {event} {target} {message}
 *       {time} {host}} in any argument, the same values as {@code WATCHDOG_*} environment
 *       variables, standard input empty) and {@code alertmanager} (Alertmanager's v2 API: a failure
 *       fires an alert labelled alertname, host, target, system, role, event, severity; a recovery
 *       posts the same labels ended now; credentials inline or from a 0600 file). Each has a
 *       timeout (default 5s).
 *   <li>All channels are sent at once (at most 8 in parallel); the caller waits at most the slowest
 *       timeout plus a second. A failed or hanging channel is a {@link
 *       org.watchdogmenu.alert.ChannelResult} for the log, never an exception.
 *   <li>No storms: each kind at most once per target per window (the target's {@code
 *       policy.window}); "recovered" only after a failure (restart failed, limit reached, check
 *       UNKNOWN) was alerted, and then always, inside the window too (a channel that missed it
 *       while another took it is owed it at the next healthy check); with {@code remind_every}, a
 *       failure held back by the window is sent as a reminder once the target has been silent that
 *       long. "Limit reached" is a kind of its own, so it goes out once per window whatever else
 *       was sent. An alert no channel took is not remembered, so the next event tries again.
 *   <li>The memory is {@code /var/lib/watchdog-menu/alerts/TARGET.json} (0600), read, decided, sent
 *       and written under {@code TARGET.json.lock}, so cron runs, the monitor and {@code
 *       watchdog-menu alert} never send the same alert twice.
 *   <li>alerts.yaml is strict (an unknown key is a one-line error naming file, line and key). With
 *       a slack or webhook channel (their addresses are secrets) it must be mode 0600 or stricter;
 *       it must never be writable by group or others, since its commands run as root.
 * </ul>
 *
 * <p>The engine maps its results to events: guard RESTARTED and the service verified healthy:
 * {@code RESTART_DONE}; guard FAILED or still unhealthy after every level: {@code RESTART_FAILED};
 * guard DENIED: {@code LIMIT_REACHED}; outcome UNKNOWN: {@code CHECK_UNKNOWN}; outcome OK: {@code
 * RECOVERED} (held back unless a failure was alerted, so it may be sent after every healthy check).
 */
package org.watchdogmenu.alert;
