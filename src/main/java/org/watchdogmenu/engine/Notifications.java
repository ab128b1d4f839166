package org.watchdogmenu.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.watchdogmenu.alert.AlertEvent;
import org.watchdogmenu.alert.AlertKind;
import org.watchdogmenu.alert.Alerts;
import org.watchdogmenu.metrics.CheckSample;
import org.watchdogmenu.metrics.Metrics;
import org.watchdogmenu.metrics.ProbeTiming;
import org.watchdogmenu.metrics.RestartSample;
import org.watchdogmenu.metrics.SeriesBatch;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.probe.ProbeResult;

/**
 * Turns the flows' events into alerts (through the site's channels, without storms) and metrics
 * (Prometheus textfile, CloudWatch). A broken alerts or metrics file is reported in the log and
 * never stops a check or a restart.
 */
final class Notifications implements EngineEvents {
  private final Host host;
  private final EngineLog log;
  private final Optional<Alerts> alerts;
  private final Optional<Metrics> metrics;

  private Notifications(
      Host host, EngineLog log, Optional<Alerts> alerts, Optional<Metrics> metrics) {
    this.host = host;
    this.log = log;
    this.alerts = alerts;
    this.metrics = metrics;
  }

  /**
   * @param current whether a target id is still on the host: the metrics drop the others' series
   * @param batch where the Prometheus series' changes wait to be written, or empty to write them
   *     now
   */
  static Notifications load(Host host, EngineLog log, Predicate<String> current) {
    return load(host, log, current, Optional.empty());
  }

  /**
   * @param current whether a target id is still on the host: the metrics drop the others' series
   * @param batch where the Prometheus series' changes wait to be written, or empty to write them
   *     now
   */
  static Notifications load(
      Host host, EngineLog log, Predicate<String> current, Optional<SeriesBatch> batch) {
    Optional<Alerts> alerts;
    try {
      alerts = Optional.of(Alerts.load(host));
    } catch (ConfigException e) {
      log.line("WARNING: alerts are off: " + e.getMessage());
      alerts = Optional.empty();
    }
    Optional<Metrics> metrics;
    try {
      Metrics m = Metrics.load(host).keepingOnly(current);
      metrics = Optional.of(batch.isPresent() ? m.batchedIn(batch.get()) : m);
    } catch (ConfigException e) {
      log.line("WARNING: metrics are off: " + e.getMessage());
      metrics = Optional.empty();
    }
    return new Notifications(host, log, alerts, metrics);
  }

  @Override
  public void afterRestart(Target target, RestartSource source, RestartGuard.Result result) {
    Instant now = host.clock().instant();
    boolean limit = result == RestartGuard.Result.DENIED || limitReached(target);
    boolean ran = result == RestartGuard.Result.RESTARTED || result == RestartGuard.Result.FAILED;
    metrics.ifPresent(
        m ->
            m.afterRestart(target.id(), new RestartSample(now, source, ran, limit))
                .forEach(this::warn));
    if (result == RestartGuard.Result.DENIED) {
      alert(
          target,
          AlertKind.LIMIT_REACHED,
          "automatic restarts of "
              + target.id()
              + " stopped: limit reached; check the service by hand");
    } else if (result == RestartGuard.Result.REFUSED) {
      alert(
          target,
          AlertKind.CHECK_UNKNOWN,
          "restarts of "
              + target.id()
              + " refused: its lock or state file could have been planted by another account;"
              + " see the log");
    } else if (result == RestartGuard.Result.FAILED) {
      alert(
          target,
          AlertKind.RESTART_FAILED,
          "restart of " + target.id() + " (" + source.word() + ") failed");
    }
  }

  @Override
  public void afterCheck(
      Target target, CheckReport report, boolean restarted, List<ProbeResult> lastProbes) {
    boolean up =
        report.outcome() == Outcome.OK || (report.outcome() == Outcome.WARNING && restarted);
    boolean failed = report.outcome() == Outcome.WARNING || report.outcome() == Outcome.CRITICAL;
    CheckSample sample =
        new CheckSample(
            report.at(),
            up,
            failed,
            limitReached(target),
            ProbeTiming.of(target.probes(), lastProbes));
    Optional<Instant> pausedUntil =
        new Pauses(host.root()).holding(target.id(), report.at()).map(Pause::until);
    metrics.ifPresent(m -> m.afterCheck(target.id(), sample, pausedUntil).forEach(this::warn));
    switch (report.outcome()) {
      case OK:
        alert(target, AlertKind.RECOVERED, target.id() + " is healthy again");
        break;
      case UNKNOWN:
        alert(target, AlertKind.CHECK_UNKNOWN, target.id() + ": " + report.summary());
        break;
      case WARNING:
        if (restarted) {
          alert(target, AlertKind.RESTART_DONE, target.id() + ": " + report.summary());
        }
        break;
      case CRITICAL:
        if (restarted) {
          alert(target, AlertKind.RESTART_FAILED, target.id() + ": " + report.summary());
        }
        break;
    }
  }

  /**
   * Sends through the site's channels and logs what came of it; silent when there are none. While
   * the target is paused only a recovery goes out (it ends what was sent before the pause).
   */
  private void alert(Target target, AlertKind kind, String message) {
    if (alerts.isEmpty() || alerts.get().channels().isEmpty()) {
      return;
    }
    if (kind != AlertKind.RECOVERED) {
      Optional<Pause> pause = new Pauses(host.root()).holding(target.id(), host.clock().instant());
      if (pause.isPresent()) {
        log.line("Alert held (" + kind.key() + "): " + pause.get().words());
        return;
      }
    }
    alerts
        .get()
        .notify(
            AlertEvent.of(kind, target, host.clock().instant(), message), target.policy().window())
        .logLines()
        .forEach(log::line);
  }

  /** A pause started or ended: the Prometheus series say so at once. */
  void pauseChanged(Target target, Optional<Pause> pause) {
    metrics.ifPresent(m -> m.paused(target.id(), pause.map(Pause::until)).forEach(this::warn));
  }

  private boolean limitReached(Target target) {
    return GuardState.of(
            RestartHistory.current(host, target), target.policy(), host.clock().instant())
        .limitReached();
  }

  private void warn(String problem) {
    log.line("WARNING: " + problem);
  }
}
