package org.watchdogmenu.monitor;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.watchdogmenu.alert.AlertEvent;
import org.watchdogmenu.alert.AlertKind;
import org.watchdogmenu.alert.Alerts;
import org.watchdogmenu.engine.CheckReport;
import org.watchdogmenu.engine.Engine;
import org.watchdogmenu.engine.EngineLog;
import org.watchdogmenu.engine.HealthCheck;
import org.watchdogmenu.engine.Outcome;
import org.watchdogmenu.metrics.Metrics;
import org.watchdogmenu.metrics.SeriesBatch;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.Host;

/**
 * The continuous monitor: checks each target at its own {@code policy.interval} with the same flow,
 * guard and state files as {@code check} (source {@code monitor}), beats a {@link Heartbeat},
 * reloads on request or when its files change, and stops cleanly.
 *
 * <p>One thread (the caller of {@link #run}) keeps time: it reloads, beats and hands due targets to
 * {@link Runs}, which checks each on a thread of its own, never two at once for a target. The loop
 * wakes at least every {@link #TICK} to notice file changes and signals.
 */
public final class Monitor {
  static final Duration TICK = Duration.ofSeconds(1);
  private static final Duration FINISH_LIMIT = Duration.ofHours(1);

  /** How often the heartbeat goes to Prometheus (its own textfile). */
  static final Duration METRIC_BEAT = Duration.ofMinutes(1);

  /** Late checks are summed up in one line at most this often. */
  private static final Duration LATE_LINES = Duration.ofSeconds(10);

  private static final PrintWriter DISCARD = new PrintWriter(Writer.nullWriter());

  private final Host host;
  private final Engine engine;
  private final EngineLog log;
  private final long pid;
  private final MonitoredTargets targets;
  private final FileWatch watch;
  private final Heartbeat heartbeat;
  private final SystemdNotify systemd;
  private final Timetable timetable = new Timetable();
  private final Runs runs = new Runs();
  private final SeriesBatch series = new SeriesBatch();
  private long lastFlush = System.nanoTime() - TICK.toNanos();
  private Instant nextMetricBeat = Instant.MIN;
  private final Map<String, Outcome> lastOutcome = new ConcurrentHashMap<>();
  private final AtomicBoolean reload = new AtomicBoolean();
  private final CountDownLatch stop = new CountDownLatch(1);

  /**
   * @param named the targets to check; empty for those of {@link MonitorList}
   * @param out where the monitor's own lines go (the journal under systemd)
   * @param env the process environment ({@code NOTIFY_SOCKET})
   * @param compiler what compiles the targets whose compiled form is missing or out of date
   */
  public Monitor(
      Host host,
      List<String> named,
      PrintWriter out,
      Map<String, String> env,
      long pid,
      TargetCompiler compiler) {
    this.host = host;
    this.targets = new MonitoredTargets(host.root(), named, compiler);
    this.engine = new Engine(host, targets::isKnown, Optional.of(series));
    this.log = new EngineLog(null, out, host.clock());
    this.pid = pid;
    this.watch = new FileWatch(host.root());
    this.heartbeat = new Heartbeat(host.root());
    this.systemd = new SystemdNotify(host.runner(), env, pid);
  }

  /** Installs the SIGHUP (reload) and SIGTERM/SIGINT (stop) handlers of this monitor. */
  public Monitor withSignals() {
    Signals.install(this);
    return this;
  }

  /** Reloads the target list and files at the next tick. */
  public void requestReload() {
    reload.set(true);
  }

  /** Stops: no new checks; the running ones finish. */
  public void requestStop() {
    stop.countDown();
  }

  /** Runs until {@link #requestStop}; returns once every running check has finished. */
  public void run() throws InterruptedException {
    log.line("monitor started (pid " + pid + ")");
    reloadTargets();
    warn(systemd.ready());
    alert(AlertKind.MONITOR_STARTED, "monitor started on " + summary());
    Instant nextBeat = host.clock().instant();
    Instant nextLateLine = nextBeat;
    while (stop.getCount() > 0) {
      Instant now = host.clock().instant();
      if (reload.getAndSet(false) || watch.changed()) {
        reloadTargets();
      }
      if (!now.isBefore(nextBeat)) {
        beat(now);
        nextBeat = now.plus(Heartbeat.PERIOD);
      }
      long due = System.nanoTime();
      for (String id : timetable.take(now)) {
        Target target = targets.current().get(id);
        if (!runs.start(id, due, () -> check(target))) {
          log.line(id + ": previous check still running, this turn is skipped");
        }
      }
      if (!now.isBefore(nextLateLine)) {
        runs.takeLate().ifPresent(this::lateLine);
        nextLateLine = now.plus(LATE_LINES);
      }
      flushSeries();
      stop.await(pause(now, nextBeat).toMillis(), TimeUnit.MILLISECONDS);
    }
    log.line("monitor stopping: no new checks; waiting for " + runs.running().size() + " running");
    if (!runs.finish(FINISH_LIMIT)) {
      log.line("WARNING: checks still running after " + FINISH_LIMIT + ": " + runs.running());
    }
    runs.takeLate().ifPresent(this::lateLine);
    series.flush().forEach(this::warn);
    metrics().ifPresent(m -> m.monitorStopped().forEach(this::warn));
    try {
      heartbeat.clear();
    } catch (IOException e) {
      warn("cannot remove " + Heartbeat.FILE + ": " + e.getMessage());
    }
    alert(AlertKind.MONITOR_STOPPED, "monitor stopped");
    log.line("monitor stopped");
  }

  /**
   * Writes the Prometheus series the checks changed since the last write, in one rewrite, at most
   * once a {@link #TICK}.
   */
  private void flushSeries() {
    long now = System.nanoTime();
    if (now - lastFlush >= TICK.toNanos() && !series.isEmpty()) {
      lastFlush = now;
      series.flush().forEach(this::warn);
    }
  }

  private void lateLine(Runs.Late late) {
    log.line(
        "WARNING: "
            + late.count()
            + " check"
            + (late.count() == 1 ? "" : "s")
            + " started late (up to "
            + late.worst().toSeconds()
            + "s after due, e.g. "
            + String.join(", ", late.some())
            + "): every one of the "
            + runs.threads()
            + " check threads was busy; give slow targets longer intervals or fewer retries");
  }

  private Duration pause(Instant now, Instant nextBeat) {
    Instant until = now.plus(TICK);
    if (nextBeat.isBefore(until)) {
      until = nextBeat;
    }
    Instant turn = timetable.nextTurn().orElse(until);
    if (turn.isBefore(until)) {
      until = turn;
    }
    Duration d = Duration.between(host.clock().instant(), until);
    return d.isNegative() ? Duration.ZERO : d;
  }

  private void reloadTargets() {
    targets.reload().forEach(log::line);
    Map<String, Duration> intervals = new TreeMap<>();
    targets.current().forEach((id, t) -> intervals.put(id, t.policy().interval()));
    timetable.follow(intervals, host.clock().instant());
    runs.fit(
        intervals.size(),
        intervals.values().stream().min(Duration::compareTo).orElse(Runs.MAX_IDLE));
    lastOutcome.keySet().retainAll(intervals.keySet());
    log.line("monitoring " + summary());
  }

  private String summary() {
    Map<String, Target> now = targets.current();
    if (now.isEmpty()) {
      return "no targets (add one with 'watchdog-menu enable TARGET --monitor')";
    }
    StringBuilder sb = new StringBuilder();
    now.forEach(
        (id, t) ->
            sb.append(sb.length() == 0 ? "" : ", ")
                .append(id)
                .append(" every ")
                .append(t.policy().interval().toSeconds())
                .append('s'));
    return now.size() + " target" + (now.size() == 1 ? "" : "s") + ": " + sb;
  }

  private void check(Target target) {
    try {
      CheckReport report = engine.check(target, HealthCheck.Options.monitor(), DISCARD);
      Outcome before = lastOutcome.put(target.id(), report.outcome());
      if (before != report.outcome() || report.outcome() != Outcome.OK) {
        log.line(target.id() + ": " + report.outcome() + ": " + report.summary());
      }
    } catch (RuntimeException e) {
      log.line("WARNING: " + target.id() + ": the check failed: " + e);
    }
  }

  private void beat(Instant now) {
    try {
      heartbeat.beat(pid, now);
    } catch (IOException e) {
      warn("cannot write " + Heartbeat.FILE + ": " + e.getMessage());
    }
    warn(systemd.alive());
    if (!now.isBefore(nextMetricBeat)) {
      nextMetricBeat = now.plus(METRIC_BEAT);
      metrics().ifPresent(m -> m.monitorBeat(now).forEach(this::warn));
    }
  }

  /** The site's metrics settings as they are now; empty when metrics.yaml is broken. */
  private Optional<Metrics> metrics() {
    try {
      return Optional.of(Metrics.load(host));
    } catch (ConfigException e) {
      return Optional.empty(); // each check's log says so
    }
  }

  private void alert(AlertKind kind, String message) {
    try {
      Alerts.load(host)
          .notify(AlertEvent.of(kind, AlertEvent.MONITOR, host.clock().instant(), message))
          .logLines()
          .forEach(log::line);
    } catch (ConfigException e) {
      warn("alerts are off: " + e.getMessage());
    }
  }

  private void warn(Optional<String> problem) {
    problem.ifPresent(this::warn);
  }

  private void warn(String problem) {
    log.line("WARNING: " + problem);
  }
}
