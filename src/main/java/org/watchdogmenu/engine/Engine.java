package org.watchdogmenu.engine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.watchdogmenu.metrics.SeriesBatch;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.AtomicFile;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.LockFile;
import org.watchdogmenu.os.UserFiles;
import org.watchdogmenu.probe.ProbeSet;
import org.watchdogmenu.service.ServiceControl;
import org.watchdogmenu.service.ServiceControls;
import org.watchdogmenu.service.ServiceState;

/**
 * What the command line, the menu and the monitor ask of the engine: check a target, restart it,
 * read its status, clear its history. Output lines go to the writer given and to the target's log
 * files.
 */
public final class Engine {
  private final Host host;
  private final LastResults lastResults;
  private final Predicate<String> current;
  private final Optional<SeriesBatch> batch;

  /** An engine whose metrics keep the series of every target they have seen. */
  public Engine(Host host) {
    this(host, id -> true);
  }

  /**
   * @param current whether a target id is still on the host (e.g. the loaded catalog's {@code
   *     knownIds()::contains}): the metrics textfile drops the series of the others
   */
  public Engine(Host host, Predicate<String> current) {
    this(host, current, Optional.empty());
  }

  /**
   * @param batch where the Prometheus series' changes wait until its owner flushes them (the
   *     monitor, once a tick), or empty to rewrite the textfile after every check
   */
  public Engine(Host host, Predicate<String> current, Optional<SeriesBatch> batch) {
    this.host = host;
    this.lastResults = new LastResults(host.root());
    this.current = current;
    this.batch = batch;
  }

  /** A health check with guarded restarts; the result is kept for {@link #status}. */
  public CheckReport check(Target target, HealthCheck.Options options, PrintWriter out) {
    ServiceControl service = ServiceControls.forTarget(target, host);
    Optional<String> logFile =
        options.dryRun() ? Optional.empty() : Optional.of(target.paths().healthLog());
    try (EngineLog log = log(logFile, out)) {
      ProbeSet probes = ProbeSet.of(target.probes());
      ProbeRound round =
          context -> probes.run(context).stream().map(ProbeSet.Outcome::result).toList();
      EngineEvents events =
          options.dryRun() ? EngineEvents.NONE : Notifications.load(host, log, current, batch);
      CheckReport report =
          new HealthCheck(
                  host, target, service, round, log, events, guard(target, log, events, logFile))
              .run(options);
      if (!options.dryRun()) {
        try {
          lastResults.save(target.id(), report);
        } catch (IOException e) {
          out.println("WARNING: cannot keep the last result: " + e.getMessage());
        }
      }
      return report;
    }
  }

  /** A scheduled or manual restart through the guard, logged to the target's restart log. */
  public RestartGuard.Result restart(Target target, RestartRequest request, PrintWriter out) {
    Optional<String> logFile =
        request.isDryRun() ? Optional.empty() : Optional.of(target.paths().cronLog());
    try (EngineLog log = log(logFile, out)) {
      ServiceControl service = ServiceControls.forTarget(target, host);
      EngineEvents events =
          request.isDryRun() ? EngineEvents.NONE : Notifications.load(host, log, current, batch);
      return new ScheduledRestart(target, service, log, guard(target, log, events, logFile))
          .run(request);
    }
  }

  /**
   * The guard of one run, for checks and scheduled restarts alike.
   *
   * @param logFile the run's log, which restart commands append their output to (empty for a dry
   *     run)
   */
  private RestartGuard guard(
      Target target, EngineLog log, EngineEvents events, Optional<String> logFile) {
    return new RestartGuard(host, target, log, events, logFile.map(host.root()::resolve));
  }

  /**
   * Reads the protection state without taking the lock or changing anything. Its numbers are the
   * guard's own ({@link GuardState}): a restart asked now is held back exactly when they say so.
   */
  public TargetStatus status(Target target) throws IOException {
    Instant now = host.clock().instant();
    var policy = target.policy();
    RestartHistory history =
        RestartHistory.load(
            host.root().resolve(target.paths().state()), now, policy.window(), w -> {});
    GuardState guard = GuardState.of(history, policy, now);
    return new TargetStatus(
        target.id(),
        target.title(),
        describe(target),
        history.entries(),
        policy.maxRestarts(),
        policy.window(),
        guard.cooldownLeft(),
        guard.limitUntil(),
        lastResults.load(target.id()),
        target.paths().state(),
        target.paths().healthLog(),
        target.paths().cronLog());
  }

  /**
   * Whether the target's service runs, asked as a check asks it ({@link ServiceControl#state}), but
   * with every question to its service manager cut to {@code timeout}: for {@code status}, which
   * changes nothing and should not wait long. A question that fails is UNKNOWN.
   */
  public ServiceState serviceState(Target target, Duration timeout) {
    Host quick =
        new Host(
            host.root(),
            command ->
                host.runner()
                    .run(
                        command.timeout().compareTo(timeout) <= 0
                            ? command
                            : new Command(
                                command.argv(),
                                timeout,
                                command.workdir(),
                                command.env(),
                                command.user(),
                                command.outputLog())),
            host.clock(),
            host.sleeper(),
            host.currentUser());
    try {
      return ServiceControls.forTarget(target, quick).state();
    } catch (RuntimeException e) {
      return ServiceState.unknown(String.valueOf(e.getMessage()));
    }
  }

  /**
   * Clears the restart history (inside the lock, so no restart decision sees half of it).
   *
   * @return false when the lock stayed busy
   */
  public boolean reset(Target target, PrintWriter out) throws IOException {
    Path state = host.root().resolve(target.paths().state());
    Optional<LockFile.Held> lock =
        LockFile.acquire(
            host.root().resolve(target.paths().lock()),
            target.policy().lockTimeout(),
            host.clock());
    if (lock.isEmpty()) {
      return false;
    }
    LockFile.Held held = lock.get();
    try {
      // an empty history written in place, never a deletion: a missing file is a name another
      // account could create in a shared folder before the next run
      AtomicFile.write(state, "", PosixFilePermissions.fromString("rw-r--r--"));
    } finally {
      held.close();
    }
    try (EngineLog log = log(Optional.of(target.paths().cronLog()), out)) {
      log.line("Restart history cleared (manual reset): automatic restarts allowed again");
    }
    return true;
  }

  /** One line naming the service: {@code systemd paqet-server.service}, {@code pm2 app codebox}. */
  public static String describe(Target target) {
    return target.service().describe();
  }

  /** The run's log lines, echoed to {@code out} and appended to {@code hostPath} if given. */
  private EngineLog log(Optional<String> hostPath, PrintWriter out) {
    return new EngineLog(
        hostPath.map(host.root()::resolve).orElse(null),
        out,
        host.clock(),
        new UserFiles(host.runner()));
  }
}
