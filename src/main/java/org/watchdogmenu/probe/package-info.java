/**
 * Health probes: one class per probe type, built from its spec by {@link
 * org.watchdogmenu.probe.Probes} and run in parallel by {@link org.watchdogmenu.probe.ProbeSet}.
 *
 * <p>Rules every probe keeps:
 *
 * <ul>
 *   <li>PASS means healthy, FAIL is a reason to restart, UNKNOWN means the probe could not tell (a
 *       bad setting, a tool missing, no permission) and is never a reason to restart.
 *   <li>A bad or missing field is a {@code ConfigProblem}: UNKNOWN with a message that names the
 *       field and says what to write.
 *   <li>Every file and {@code /proc} path goes through the host root; every command through the
 *       host's runner with the probe's timeout; time comes from the host clock.
 *   <li>Messages are for the health log: short, with the numbers that matter ({@code HTTP 200 in
 *       23ms}, {@code CPU 97% for 75s (limit 90% for 60s)}), and never pm2's environment.
 * </ul>
 */
package org.watchdogmenu.probe;
