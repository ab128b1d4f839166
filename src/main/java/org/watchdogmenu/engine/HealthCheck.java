package org.watchdogmenu.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.watchdogmenu.model.ActiveProbeSpec;
import org.watchdogmenu.model.Policy;
import org.watchdogmenu.model.ProbeSpec;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.ControlChars;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.probe.ProbeContext;
import org.watchdogmenu.probe.ProbeResult;
import org.watchdogmenu.probe.Verdict;
import org.watchdogmenu.service.RestartStep;
import org.watchdogmenu.service.ServiceControl;
import org.watchdogmenu.service.ServiceState;

/**
 * One health check of a target, the tunnel scripts' guide's flow: is the service active, is it past
 * its grace period, do its probes pass (with retries); if not, restart it through the {@link
 * RestartGuard}, wait the grace period, probe again, and escalate through further recovery levels
 * while it still fails.
 */
public final class HealthCheck {
  /** How far in the future a service's start may seem (clock ticks, rounding) and still count. */
  private static final Duration FUTURE_SLACK = Duration.ofSeconds(5);

  private final Host host;
  private final Target target;
  private final ServiceControl service;
  private final ProbeRound probes;
  private final EngineLog log;
  private final RestartGuard guard;
  private final EngineEvents events;
  private Optional<Instant> serviceStart = Optional.empty();
  private Options options = Options.DEFAULT;
  private boolean restarted;

  /** "Service is active" was logged: an {@code active} probe that passes says nothing more. */
  private boolean activeLogged;

  private List<ProbeResult> lastProbes = List.of();

  /** What the first probe that could not tell said, for the summary. */
  private Optional<String> firstUnknown = Optional.empty();

  /**
   * What the check may do, and who its restarts are recorded as: {@code
   * HealthCheck.Options.health(CheckMode.CHECK_ONLY)} is {@code check TARGET --no-restart}.
   */
  public record Options(CheckMode mode, RestartSource source) {
    /** {@code check TARGET}, as cron runs it. */
    public static final Options DEFAULT = health(CheckMode.CHECK_AND_RESTART);

    /** A check run by cron or a person, its restarts recorded as {@code health}. */
    public static Options health(CheckMode mode) {
      return new Options(mode, RestartSource.HEALTH);
    }

    /** A check of the continuous monitor, its restarts recorded as {@code monitor}. */
    public static Options monitor() {
      return new Options(CheckMode.CHECK_AND_RESTART, RestartSource.MONITOR);
    }

    /** An unhealthy target goes to the guard (for real or, in a dry run, as a preview). */
    boolean restart() {
      return mode.restarts();
    }

    /** Nothing is written: no log file, no last result, no alert, no metric. */
    boolean dryRun() {
      return mode.dryRun();
    }
  }

  /**
   * @param guard the gate its restarts pass, built for the same target, log and events by the
   *     {@link Engine} (as a scheduled restart's is)
   */
  public HealthCheck(
      Host host,
      Target target,
      ServiceControl service,
      ProbeRound probes,
      EngineLog log,
      EngineEvents events,
      RestartGuard guard) {
    this.host = host;
    this.target = target;
    this.service = service;
    this.probes = probes;
    this.log = log;
    this.events = events;
    this.guard = guard;
  }

  public CheckReport run(Options options) {
    this.options = options;
    log.line("=== Health Check Start: " + target.id() + " ===");
    Instant started = host.clock().instant();
    Pauses pauses = new Pauses(host.root());
    (options.dryRun()
            ? pauses.holding(target.id(), started)
            : pauses.inForce(target.id(), started, log::line))
        .ifPresent(
            p ->
                log.line(
                    "Health check: "
                        + p.words()
                        + ", "
                        + Pause.span(p.left(started))
                        + " left: the check runs, restarts and alerts are held"));
    Policy policy = target.policy();
    ServiceState state = service.state();
    serviceStart = state.since();
    switch (state.activity()) {
      case UNKNOWN:
        log.line(
            "Health check UNKNOWN: cannot tell whether the service runs: " + safe(state.detail()));
        return finish(
            Outcome.UNKNOWN,
            "Cannot tell whether the service runs: " + state.detail(),
            "=== Health Check UNKNOWN: no restart (fix the cause above) ===");
      case INACTIVE:
        log.line("Health check FAIL: Service is not active (" + safe(state.detail()) + ")");
        return recover(options, "Service is not active (" + state.detail() + ")");
      case UNTRACKED:
        log.line("Health check: Service state is not tracked for this target; testing it directly");
        break;
      case ACTIVE:
        log.line("Health check: Service is active");
        activeLogged = true;
        Optional<Duration> uptime =
            state.since().map(s -> Duration.between(s, host.clock().instant()));
        if (uptime.isPresent() && uptime.get().compareTo(FUTURE_SLACK.negated()) < 0) {
          // a start in the future would keep the check in its grace period for ever
          log.line(
              "Health check: the service's start time "
                  + state.since().get()
                  + " is in the future; grace period not applied");
          uptime = Optional.empty();
        }
        if (uptime.isPresent() && uptime.get().compareTo(policy.grace()) < 0) {
          log.line(
              "Health check: Within grace period (uptime: "
                  + seconds(uptime.get())
                  + ", grace: "
                  + seconds(policy.grace())
                  + ") - tests skipped");
          return finish(
              Outcome.OK,
              "Starting (within grace period)",
              "=== Health Check PASSED: Service is starting (grace period) ===");
        }
        uptime.ifPresent(
            u -> log.line("Health check: Grace period passed (uptime: " + seconds(u) + ")"));
        break;
    }
    if (target.probes().isEmpty() && state.activity() == ServiceState.Activity.UNTRACKED) {
      log.line(
          "Health check UNKNOWN: nothing tells whether "
              + target.id()
              + " is healthy: add a probe or a status command");
      return finish(
          Outcome.UNKNOWN,
          "No probe and no status command",
          "=== Health Check UNKNOWN: no restart (fix the cause above) ===");
    }
    if (target.probes().isEmpty()) {
      log.line("Health check: no probes configured; the service state is the whole test");
      return finish(
          Outcome.OK, "Service is active", "=== Health Check PASSED: Service is healthy ===");
    }
    log.line("Running " + runningWhat() + "...");
    Verdict verdict = probeWithRetries();
    if (verdict == Verdict.PASS) {
      return finish(
          Outcome.OK, "Service is healthy", "=== Health Check PASSED: Service is healthy ===");
    }
    if (verdict == Verdict.UNKNOWN) {
      return finish(
          Outcome.UNKNOWN,
          firstUnknown.map(m -> "No restart: " + m).orElse("A probe could not run (see the log)"),
          "=== Health Check UNKNOWN: no restart (fix the cause above) ===");
    }
    return recover(
        options,
        "Health tests failed " + policy.retries() + (policy.retries() == 1 ? " time" : " times"));
  }

  /**
   * What the check runs, in the old scripts' words for a tunnel's role: {@code client health check
   * (SOCKS proxy test)}. The service's state was logged just before, so an {@code active} probe
   * next to others is not named again.
   */
  private String runningWhat() {
    List<ProbeSpec> named =
        target.probes().stream().filter(p -> !(p instanceof ActiveProbeSpec)).toList();
    if (named.isEmpty()) {
      named = target.probes();
    }
    String role = target.role();
    boolean tunnelRole = "client".equals(role) || "server".equals(role);
    return (tunnelRole ? role + " " : "")
        + "health check ("
        + named.stream().map(ProbeSpec::label).collect(Collectors.joining(", "))
        + ")";
  }

  /** An {@code active} probe next to others (alone, its line is the whole test). */
  private boolean isActiveProbe(List<ProbeResult> results, int i) {
    return results.size() == target.probes().size()
        && results.size() > 1
        && target.probes().get(i) instanceof ActiveProbeSpec;
  }

  /**
   * A probe's result (its own words: escape them for the log), named when the probe has a name its
   * own words do not start with: {@code config server (port 8443): HTTP 503 from
   * https://127.0.0.1:8443/health}.
   */
  private String described(List<ProbeResult> results, int i) {
    ProbeResult r = results.get(i);
    String message = r.message();
    if (results.size() == target.probes().size()) {
      String name = target.probes().get(i).name();
      if (name != null && !name.isBlank() && !message.startsWith(name)) {
        message = name + ": " + message;
      }
    }
    return message;
  }

  /** Runs all probes up to {@code retries} times; the first round that passes wins. */
  private Verdict probeWithRetries() {
    Policy policy = target.policy();
    for (int attempt = 1; attempt <= policy.retries(); attempt++) {
      List<ProbeResult> results = probes.run(context());
      lastProbes = results;
      if (results.stream().anyMatch(r -> r.verdict() == Verdict.UNKNOWN)) {
        // the whole picture: what could not tell, and what the others found
        for (int i = 0; i < results.size(); i++) {
          ProbeResult r = results.get(i);
          log.line("Health check " + r.verdict() + ": " + safe(described(results, i)));
          if (r.verdict() == Verdict.UNKNOWN && firstUnknown.isEmpty()) {
            // the alert and status say what to fix, e.g. which probe setting
            firstUnknown = Optional.of(described(results, i));
          }
        }
        return Verdict.UNKNOWN;
      }
      boolean failed = results.stream().anyMatch(r -> r.verdict() == Verdict.FAIL);
      String of = failed ? " (attempt " + attempt + "/" + policy.retries() + ")" : "";
      // every probe's line, in the target's order: a failing probe next to those that pass
      for (int i = 0; i < results.size(); i++) {
        ProbeResult r = results.get(i);
        if (r.verdict() == Verdict.PASS && activeLogged && isActiveProbe(results, i)) {
          continue;
        }
        log.line(
            r.verdict() == Verdict.PASS
                ? "Health check PASS: " + safe(described(results, i))
                : "Health check FAIL: " + safe(described(results, i)) + of);
      }
      if (!failed) {
        return Verdict.PASS;
      }
      if (attempt < policy.retries()) {
        host.sleeper().sleep(policy.retryDelay());
      }
    }
    return Verdict.FAIL;
  }

  private CheckReport recover(Options options, String problem) {
    log.line("=== Health Check FAILED: " + safe(problem) + " ===");
    if (!options.restart()) {
      return finish(Outcome.CRITICAL, problem, "Restart not attempted (--no-restart)");
    }
    List<RestartStep> steps = service.restartSteps();
    for (int level = 0; level < steps.size(); level++) {
      RestartStep step = steps.get(level);
      RestartGuard.Mode mode = level == 0 ? RestartGuard.Mode.NORMAL : RestartGuard.Mode.ESCALATION;
      if (level > 0) {
        log.line(
            "Escalating to recovery level "
                + (level + 1)
                + "/"
                + steps.size()
                + ": "
                + step.description());
      }
      if (options.dryRun()) {
        RestartGuard.Result r = guard.preview(step, options.source(), mode);
        String what =
            r == RestartGuard.Result.WOULD_RESTART
                ? "would restart"
                : "restart would be held back (" + r + ")";
        return finish(
            Outcome.CRITICAL, problem + "; " + what, "=== DRY RUN: nothing was changed ===");
      }
      RestartGuard.Result result = guard.attempt(step, options.source(), mode);
      restarted |= result == RestartGuard.Result.RESTARTED || result == RestartGuard.Result.FAILED;
      if (result == RestartGuard.Result.PAUSED) {
        return finish(
            Outcome.CRITICAL,
            problem + "; restart held (paused)",
            "=== Health Check Complete: Restart held (target paused) ===");
      }
      if (result.heldBack()) {
        // down and not being restarted: a person has to look, so CRITICAL, never WARNING
        return finish(
            Outcome.CRITICAL,
            problem + "; restart held back (" + result.name().toLowerCase() + ")",
            "=== Health Check Complete: Restart skipped (protection active) ===");
      }
      if (result == RestartGuard.Result.REFUSED) {
        return finish(
            Outcome.UNKNOWN,
            problem + "; restart refused: its lock or state file is unsafe (see the log)",
            "=== Health Check UNKNOWN: no restart (fix the cause above) ===");
      }
      if (result == RestartGuard.Result.ERROR) {
        return finish(
            Outcome.CRITICAL,
            problem + "; restart not possible (see the log)",
            "=== Health Check Complete: Restart not possible ===");
      }
      if (result == RestartGuard.Result.RESTARTED && verifyAfterRestart()) {
        return finish(
            Outcome.WARNING,
            "Recovered by restart (" + step.description() + ")",
            "=== Health Check RECOVERED: Service is healthy after restart ===");
      }
    }
    return finish(
        Outcome.CRITICAL,
        problem
            + "; still unhealthy after "
            + steps.size()
            + " recovery level"
            + (steps.size() == 1 ? "" : "s"),
        "=== Health Check FAILED: Service still unhealthy after restart ===");
  }

  /** Waits the grace period, then asks the service and runs the probes again. */
  private boolean verifyAfterRestart() {
    activeLogged = false;
    Duration grace = target.policy().grace();
    if (grace.isZero()) {
      log.line("Verifying at once (no grace period)...");
    } else {
      String wait =
          grace.compareTo(Duration.ofSeconds(1)) < 0
              ? org.watchdogmenu.model.Durations.format(grace)
              : seconds(grace);
      log.line("Waiting " + wait + " (grace period) before verifying...");
      host.sleeper().sleep(grace);
    }
    ServiceState state = service.state();
    if (state.activity() == ServiceState.Activity.INACTIVE
        || state.activity() == ServiceState.Activity.UNKNOWN) {
      log.line(
          "Health check FAIL: Service is not active after restart (" + safe(state.detail()) + ")");
      return false;
    }
    if (target.probes().isEmpty()) {
      return true;
    }
    return probeWithRetries() == Verdict.PASS;
  }

  /** Probes see evidence only from after the later of the last restart and the service's start. */
  private ProbeContext context() {
    Optional<Instant> notBefore = serviceStart;
    Optional<Instant> restarted = lastRestart();
    if (restarted.isPresent()
        && (notBefore.isEmpty() || restarted.get().isAfter(notBefore.get()))) {
      notBefore = restarted;
    }
    return new ProbeContext(host, target, service, notBefore);
  }

  private Optional<Instant> lastRestart() {
    return RestartHistory.current(host, target).last().map(RestartHistory.Entry::at);
  }

  private CheckReport finish(Outcome outcome, String summary, String closingLine) {
    log.line(closingLine);
    CheckReport report = new CheckReport(host.clock().instant(), outcome, safe(summary));
    if (!options.dryRun()) {
      events.afterCheck(target, report, restarted, lastProbes);
    }
    return report;
  }

  private static String seconds(Duration d) {
    return d.getSeconds() + "s";
  }

  /** Text from programs and files (probe messages, service details) as one safe log line. */
  private static String safe(String text) {
    return ControlChars.escape(text);
  }
}
