package org.watchdogmenu.metrics;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.YamlFile;

/**
 * Publishes what checks and restarts found, as set in {@value #FILE}:
 *
 * <ul>
 *   <li>Prometheus (on unless {@code prometheus.enabled: false}): one node_exporter textfile for
 *       all targets, {@code /var/lib/watchdog-menu/metrics/watchdog-menu.prom} by default,
 *       rewritten atomically after every check and restart; counters are kept in {@value #STATE};
 *   <li>CloudWatch (when a {@code cloudwatch} section exists): the PM2 health-monitor guide's
 *       ServiceStatus, HealthCheckFailures, ServiceRestarts and ResponseTime with the dimension
 *       {@code Target}, as EMF log lines or through the aws CLI.
 * </ul>
 *
 * <p>Publishing never fails a check: each call returns the problems as lines for the engine's log.
 * The engine calls {@link #afterCheck} at the end of every check and {@link #afterRestart} after
 * every pass through the restart guard.
 */
public final class Metrics {
  /** The settings file (under the root); optional. */
  public static final String FILE = "/etc/watchdog-menu/metrics.yaml";

  /** Where the Prometheus series are kept between runs (under the root). */
  public static final String STATE = "/var/lib/watchdog-menu/metrics-state.json";

  private final MetricsConfig config;
  private final PrometheusTextfile textfile;
  private final CloudWatchSink cloudWatch;
  private final Predicate<String> current;
  private final SeriesBatch batch;

  Metrics(Host host, MetricsConfig config) {
    this.config = config;
    this.current = id -> true;
    this.batch = null;
    HostRoot root = host.root();
    this.textfile =
        config.prometheus().enabled()
            ? new PrometheusTextfile(
                root.resolve(STATE), root.resolve(config.prometheus().textfile()))
            : null;
    MetricsConfig.CloudWatch cw = config.cloudwatch();
    if (cw == null) {
      this.cloudWatch = null;
    } else if (cw.mode() == MetricsConfig.Mode.CLI) {
      this.cloudWatch = new AwsCli(host.runner(), cw.aws(), cw.region(), cw.timeout());
    } else {
      this.cloudWatch = new EmfLog(root.resolve(cw.log()));
    }
  }

  private Metrics(Metrics m, Predicate<String> current, SeriesBatch batch) {
    this.config = m.config;
    this.textfile = m.textfile;
    this.cloudWatch = m.cloudWatch;
    this.current = current;
    this.batch = batch;
  }

  /**
   * These metrics, keeping the Prometheus series' changes in {@code batch} until it is flushed
   * instead of rewriting the textfile after every check (the monitor flushes once a tick).
   */
  public Metrics batchedIn(SeriesBatch batch) {
    return new Metrics(this, current, batch);
  }

  /**
   * These metrics, dropping from the textfile the series of targets that are no longer on the host
   * when it is next rewritten. Without it every target's series are kept.
   *
   * @param current whether a target id is still on the host (the catalog's known ids)
   */
  public Metrics keepingOnly(Predicate<String> current) {
    return new Metrics(this, current, batch);
  }

  /**
   * Reads {@value #FILE} under the host's root; no file means the Prometheus textfile only.
   *
   * @throws ConfigException one line naming the file, the line and the key
   */
  public static Metrics load(Host host) throws ConfigException {
    return new Metrics(
        host,
        YamlFile.read(host.root().resolve(FILE), MetricsConfig.class)
            .orElse(MetricsConfig.DEFAULTS));
  }

  /** Records a finished check; returns problems for the log (empty when all went well). */
  public List<String> afterCheck(String target, CheckSample sample) {
    List<String> problems = new ArrayList<>();
    prometheus(target, s -> s.afterCheck(sample), problems);
    cloudWatch(target, sample.at(), CloudWatchDatum.afterCheck(sample), problems);
    return problems;
  }

  /**
   * Records a finished check and the maintenance pause that holds at its end (empty: none), in one
   * rewrite; returns problems for the log.
   */
  public List<String> afterCheck(String target, CheckSample sample, Optional<Instant> pausedUntil) {
    List<String> problems = new ArrayList<>();
    long until = pausedUntil.map(Instant::getEpochSecond).orElse(0L);
    prometheus(target, s -> s.afterCheck(sample).withPausedUntil(until), problems);
    cloudWatch(target, sample.at(), CloudWatchDatum.afterCheck(sample), problems);
    return problems;
  }

  /** Records that a maintenance pause started (its end) or ended (empty); problems for the log. */
  public List<String> paused(String target, Optional<Instant> until) {
    List<String> problems = new ArrayList<>();
    long epoch = until.map(Instant::getEpochSecond).orElse(0L);
    prometheus(target, s -> s.withPausedUntil(epoch), problems);
    return problems;
  }

  /**
   * The continuous monitor's beat, for Prometheus ({@link MonitorBeatFile}); returns problems for
   * the log.
   */
  public List<String> monitorBeat(Instant at) {
    if (textfile == null) {
      return List.of();
    }
    try {
      new MonitorBeatFile(textfile.textfile()).beat(at);
      return List.of();
    } catch (IOException e) {
      return List.of("Metrics: monitor heartbeat not written: " + e.getMessage());
    }
  }

  /** The monitor stopped cleanly: its heartbeat series goes away; returns problems for the log. */
  public List<String> monitorStopped() {
    if (textfile == null) {
      return List.of();
    }
    try {
      new MonitorBeatFile(textfile.textfile()).remove();
      return List.of();
    } catch (IOException e) {
      return List.of("Metrics: monitor heartbeat not removed: " + e.getMessage());
    }
  }

  /** Records a pass through the restart guard; returns problems for the log. */
  public List<String> afterRestart(String target, RestartSample sample) {
    List<String> problems = new ArrayList<>();
    prometheus(target, s -> s.afterRestart(sample), problems);
    if (sample.ran()) {
      cloudWatch(target, sample.at(), CloudWatchDatum.afterRestart(), problems);
    }
    return problems;
  }

  private void prometheus(
      String target, UnaryOperator<TargetSeries> change, List<String> problems) {
    if (textfile == null) {
      return;
    }
    if (batch != null) {
      batch.add(textfile, target, change, current);
      return;
    }
    try {
      textfile.update(target, change, current);
    } catch (IOException e) {
      problems.add("Metrics: Prometheus textfile not written: " + e.getMessage());
    }
  }

  private void cloudWatch(
      String target, Instant at, List<CloudWatchDatum> data, List<String> problems) {
    if (cloudWatch == null) {
      return;
    }
    try {
      cloudWatch.put(config.cloudwatch().namespaceOf(target), target, at, data);
    } catch (IOException e) {
      problems.add("Metrics: CloudWatch not updated: " + e.getMessage());
    }
  }
}
