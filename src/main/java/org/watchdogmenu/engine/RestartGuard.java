package org.watchdogmenu.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.model.Policy;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.LockFile;
import org.watchdogmenu.os.UnsafePathException;
import org.watchdogmenu.service.RestartStep;

/**
 * The one gate every restart passes, from any source: take the target's lock, then (inside it)
 * prune the history, apply the restart cap and the cooldown, record the restart and run it. Two
 * runs can never restart the same target at once, and nothing restart-loops.
 */
public final class RestartGuard {
  private final Host host;
  private final Target target;
  private final EngineLog log;
  private final EngineEvents events;
  private final Optional<Path> commandLog;

  /** Which protections apply to an attempt. */
  public enum Mode {
    /** Limit and cooldown. */
    NORMAL,
    /**
     * A further recovery level in the same episode: the limit applies, the cooldown does not (it
     * would always block the level after a restart that just failed to help).
     */
    ESCALATION,
    /** Neither ({@code restart --force}); still locked and recorded. */
    FORCE;

    boolean appliesLimit() {
      return switch (this) {
        case NORMAL, ESCALATION -> true;
        case FORCE -> false;
      };
    }

    boolean appliesCooldown() {
      return switch (this) {
        case NORMAL -> true;
        case ESCALATION, FORCE -> false;
      };
    }
  }

  /** How an attempt ended. */
  public enum Result {
    RESTARTED,
    /** The restart command ran and failed (or timed out). */
    FAILED,
    /** The restart cap is reached. */
    DENIED,
    /** The cooldown after the last restart is still running. */
    SKIPPED,
    /** Another run held the lock for the whole lock timeout. */
    LOCK_BUSY,
    /** The lock or state file could not be used; nothing was restarted. */
    ERROR,
    /**
     * The lock or state file is one root must not trust (another account could have planted or
     * changed it); nothing was restarted, the check is UNKNOWN and an alert goes out.
     */
    REFUSED,
    /** Dry run: nothing was changed. */
    WOULD_RESTART,
    /** The target is paused for maintenance ({@link Pause}); only a forced restart runs. */
    PAUSED;

    /** Protection (or another run) held the restart back. */
    public boolean heldBack() {
      return this == DENIED || this == SKIPPED || this == LOCK_BUSY || this == PAUSED;
    }
  }

  /** A guard whose restart commands' output is kept in their results only. */
  public RestartGuard(Host host, Target target, EngineLog log, EngineEvents events) {
    this(host, target, log, events, Optional.empty());
  }

  /**
   * @param commandLog the log file of this run, which the restart command's output is appended to
   *     (empty: kept in the result only)
   */
  public RestartGuard(
      Host host, Target target, EngineLog log, EngineEvents events, Optional<Path> commandLog) {
    this.host = host;
    this.target = target;
    this.log = log;
    this.events = events;
    this.commandLog = commandLog;
  }

  /** Decides inside the lock and, when allowed, records and runs {@code step}. */
  public Result attempt(RestartStep step, RestartSource source, Mode mode) {
    Result result = lockedAttempt(step, source, mode);
    events.afterRestart(target, source, result);
    return result;
  }

  private Result lockedAttempt(RestartStep step, RestartSource source, Mode mode) {
    Policy policy = target.policy();
    Path lockFile = host.root().resolve(target.paths().lock());
    Optional<LockFile.Held> lock;
    try {
      lock = LockFile.acquire(lockFile, policy.lockTimeout(), host.clock());
    } catch (UnsafePathException e) {
      log.line("Restart NOT done: " + e.getMessage());
      return Result.REFUSED;
    } catch (IOException | RuntimeException e) {
      log.line(
          "Could not acquire lock: "
              + lockFile
              + ": "
              + e.getMessage()
              + " - restart not attempted");
      return Result.ERROR;
    }
    if (lock.isEmpty()) {
      log.line(
          "Could not acquire lock: another restart of "
              + target.id()
              + " is in progress (waited "
              + Durations.format(policy.lockTimeout())
              + ")");
      return Result.LOCK_BUSY;
    }
    LockFile.Held held = lock.get();
    try {
      return decideAndRun(step, source, mode);
    } finally {
      held.close();
    }
  }

  /** What {@link #attempt} would do, without taking the lock or changing anything. */
  public Result preview(RestartStep step, RestartSource source, Mode mode) {
    Instant now = host.clock().instant();
    Loaded loaded = history(now, "DRY RUN: cannot read state file ");
    if (loaded instanceof Loaded.Failed failed) {
      return failed.result();
    }
    if (paused(now, mode, true)) {
      return Result.PAUSED;
    }
    RestartHistory history = ((Loaded.Read) loaded).history();
    Optional<Result> held = protection(history, now, mode);
    if (held.isPresent()) {
      return held.get();
    }
    log.line(
        "DRY RUN: would restart "
            + target.id()
            + " ("
            + source.word()
            + "): "
            + step.description());
    return Result.WOULD_RESTART;
  }

  /**
   * The history, or the result that stops the attempt (after logging why): ERROR when the state
   * file cannot be read, REFUSED when it is one root must not trust.
   */
  private Loaded history(Instant now, String problem) {
    Path stateFile = stateFile();
    try {
      return new Loaded.Read(
          RestartHistory.load(stateFile, now, target.policy().window(), log::line));
    } catch (UnsafePathException e) {
      log.line(
          problem.startsWith("DRY RUN")
              ? "DRY RUN: " + e.getMessage()
              : "Restart NOT done: " + e.getMessage());
      return new Loaded.Failed(Result.REFUSED);
    } catch (IOException e) {
      log.line(problem + stateFile + ": " + e.getMessage());
      return new Loaded.Failed(Result.ERROR);
    }
  }

  /** The state file read, or the result that ends the attempt because it could not be. */
  private sealed interface Loaded {
    record Read(RestartHistory history) implements Loaded {}

    record Failed(Result result) implements Loaded {}
  }

  private Path stateFile() {
    return host.root().resolve(target.paths().state());
  }

  private Result decideAndRun(RestartStep step, RestartSource source, Mode mode) {
    Path stateFile = stateFile();
    Instant now = host.clock().instant();
    Loaded loaded = history(now, "Restart NOT done: cannot read state file ");
    if (loaded instanceof Loaded.Failed failed) {
      return failed.result();
    }
    RestartHistory history = ((Loaded.Read) loaded).history();
    Optional<Result> held =
        paused(now, mode, false) ? Optional.of(Result.PAUSED) : protection(history, now, mode);
    if (held.isPresent()) {
      saveIfChanged(history, stateFile);
      return held.get();
    }
    history.record(now, source);
    try {
      history.save(stateFile);
    } catch (IOException e) {
      log.line("Restart NOT done: cannot write state file " + stateFile + ": " + e.getMessage());
      return Result.ERROR;
    }
    log.line("Restarting " + target.id() + ": " + step.description());
    CommandResult r =
        commandLog
            .map(file -> step.run(host.runner(), file))
            .orElseGet(() -> step.run(host.runner()));
    if (!r.note().isEmpty()) {
      log.line("WARNING: " + r.note());
    }
    if (r.succeeded()) {
      log.line("Restart command completed (" + r.elapsed().toMillis() + "ms)");
      return Result.RESTARTED;
    }
    log.line("Restart FAILED: " + step.description() + ": " + r.summary());
    return Result.FAILED;
  }

  /**
   * Whether a maintenance pause holds this attempt back (logged with its end and reason); a forced
   * restart goes ahead and says so. A dry run changes nothing, else an ended pause file is removed.
   */
  private boolean paused(Instant now, Mode mode, boolean dryRun) {
    Pauses pauses = new Pauses(host.root());
    Optional<Pause> pause =
        dryRun ? pauses.holding(target.id(), now) : pauses.inForce(target.id(), now, log::line);
    if (pause.isEmpty()) {
      return false;
    }
    String left = pause.get().words() + ", " + Pause.span(pause.get().left(now)) + " left";
    if (mode == Mode.FORCE) {
      log.line("Restart FORCED during the pause: " + left);
      return false;
    }
    log.line(
        "Restart HELD: "
            + left
            + " ('watchdog-menu resume "
            + target.id()
            + "' ends it, 'restart --force' overrides it)");
    return true;
  }

  /**
   * The protection that holds this attempt back (after logging why), or empty to go ahead. The
   * rules themselves are {@link GuardState}'s, which {@code status} shows.
   */
  private Optional<Result> protection(RestartHistory history, Instant now, Mode mode) {
    Policy policy = target.policy();
    GuardState state = GuardState.of(history, policy, now);
    int count = state.count();
    String per = perWindow(policy.window());
    if (!mode.appliesLimit()) {
      log.line(
          "Restart FORCED: protection skipped (restart "
              + (count + 1)
              + ", "
              + count
              + "/"
              + policy.maxRestarts()
              + " "
              + per
              + " before it)");
      return Optional.empty();
    }
    if (state.limitReached()) {
      log.line(
          "Restart DENIED: limit reached (" + count + "/" + policy.maxRestarts() + " " + per + ")");
      log.line("ACTION REQUIRED: Check service health manually - automatic restarts stopped");
      state
          .limitUntil()
          .ifPresent(
              until ->
                  log.line(
                      "Next restart allowed at "
                          + until
                          + " (when the oldest restart leaves the window)"));
      return Optional.of(Result.DENIED);
    }
    if (mode.appliesCooldown() && state.cooldown().isPresent()) {
      GuardState.Cooldown c = state.cooldown().get();
      log.line(
          "Restart SKIPPED: cooldown active ("
              + c.agoSeconds()
              + "s ago by "
              + c.last().source().word()
              + ", need "
              + c.needSeconds()
              + "s, wait "
              + c.leftSeconds()
              + "s more)");
      return Optional.of(Result.SKIPPED);
    }
    log.line(
        "Restart ALLOWED (restart " + (count + 1) + "/" + policy.maxRestarts() + " " + per + ")");
    return Optional.empty();
  }

  private void saveIfChanged(RestartHistory history, Path stateFile) {
    if (!history.changedOnLoad()) {
      return;
    }
    try {
      history.save(stateFile);
    } catch (IOException e) {
      log.line("WARNING: cannot rewrite state file " + stateFile + ": " + e.getMessage());
    }
  }

  /** {@code per hour} for a one-hour window, else {@code per 5 minutes}. */
  static String perWindow(Duration window) {
    String words = Durations.words(window);
    return "per " + (words.startsWith("1 ") ? words.substring(2) : words);
  }
}
