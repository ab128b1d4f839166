/**
 * Metrics of every check and restart, for Prometheus and CloudWatch.
 *
 * <p>Entry point: {@link org.watchdogmenu.metrics.Metrics}. {@code Metrics.load(host)} reads {@code
 * /etc/watchdog-menu/metrics.yaml} (optional); the engine calls {@code afterCheck(target,
 * CheckSample)} at the end of every check and {@code afterRestart(target, RestartSample)} after
 * every pass through the restart guard. Both return problems as log lines and never throw.
 *
 * <ul>
 *   <li>Prometheus: one textfile for all targets, default {@code
 *       /var/lib/watchdog-menu/metrics/watchdog-menu.prom} (point node_exporter's {@code
 *       --collector.textfile.directory} at its folder, or set {@code prometheus.textfile} to a file
 *       in the folder it already reads, Debian: {@code /var/lib/prometheus/node-exporter/}). Each
 *       update loads the kept series from {@code /var/lib/watchdog-menu/metrics-state.json} under
 *       its lock, changes one target and rewrites both files atomically, so concurrent runs never
 *       lose a target and counters survive between runs. Series: {@code watchdog_up}, {@code
 *       watchdog_health_check_failures_total}, {@code watchdog_restarts_total{source}}, {@code
 *       watchdog_probe_duration_seconds{probe}}, {@code watchdog_restart_limit_reached}, {@code
 *       watchdog_last_check_timestamp_seconds}, {@code watchdog_paused_until_seconds}, all with
 *       {@code target}; the monitor's {@code watchdog_monitor_heartbeat_timestamp_seconds} in a
 *       textfile of its own.
 *   <li>CloudWatch (only with a {@code cloudwatch} section): the PM2 health-monitor guide's
 *       ServiceStatus (None), HealthCheckFailures (Count), ResponseTime (Milliseconds; the slowest
 *       http probe, else the slowest probe) after each check and ServiceRestarts (Count) after each
 *       restart that ran, with the dimension {@code Target}, in {@code namespace} (default {@code
 *       PM2/CodeBox}) or the target's entry in {@code namespaces}. {@code mode: emf} (default)
 *       appends embedded-metric- format lines to {@code /var/log/watchdog-menu/cloudwatch-emf.log}
 *       for the CloudWatch agent; {@code mode: cli} runs {@code aws cloudwatch put-metric-data}
 *       with a timeout.
 * </ul>
 */
package org.watchdogmenu.metrics;
