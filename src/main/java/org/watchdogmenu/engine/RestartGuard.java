package org.watchdogmenu.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.model.Policy;
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
  private final Path commandLog;

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
    FORCE
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
    WOULD_RESTART;

    /** Protection (or another run) held the restart back. */
    public boolean heldBack() {
      return this == DENIED || this == SKIPPED || this == LOCK_BUSY;
    }
  }

  public RestartGuard(Host host, Target target, EngineLog log, EngineEvents events) {
    this(host, target, log, events, null);
  }

  /**
   * @param commandLog the log file of this run, which the restart command's output is appended to
   *     (null: kept in the result only)
   */
  public RestartGuard(
      Host host, Target target, EngineLog log, EngineEvents events, Path commandLog) {
    this.host = host;
    this.target = target;
    this.log = log;
    this.events = events;
    this.commandLog = commandLog;
  }

  /** Decides inside the lock and, when allowed, records and runs {@code step}. */
  public Result attempt(RestartStep step, String source, Mode mode) {
    Result result = lockedAttempt(step, source, mode);
    events.afterRestart(target, source, result);
    return result;
  }

  private Result lockedAttempt(RestartStep step, String source, Mode mode) {
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
  public Result preview(RestartStep step, String source, Mode mode) {
    Instant now = host.clock().instant();
    Loaded history = history(now, "DRY RUN: cannot read state file ");
    if (history.failure() != null) {
      return history.failure();
    }
    Result held = protection(history.history(), now, mode);
    if (held != null) {
      return held;
    }
    log.line("DRY RUN: would restart " + target.id() + " (" + source + "): " + step.description());
    return Result.WOULD_RESTART;
  }

  /**
   * The history, or the result that stops the attempt (after logging why): ERROR when the state
   * file cannot be read, REFUSED when it is one root must not trust.
   */
  private Loaded history(Instant now, String problem) {
    Path stateFile = stateFile();
    try {
      return new Loaded(
          RestartHistory.load(stateFile, now, target.policy().window(), log::line), null);
    } catch (UnsafePathException e) {
      log.line(
          problem.startsWith("DRY RUN")
              ? "DRY RUN: " + e.getMessage()
              : "Restart NOT done: " + e.getMessage());
      return new Loaded(null, Result.REFUSED);
    } catch (IOException e) {
      log.line(problem + stateFile + ": " + e.getMessage());
      return new Loaded(null, Result.ERROR);
    }
  }

  private record Loaded(RestartHistory history, Result failure) {}

  private Path stateFile() {
    return host.root().resolve(target.paths().state());
  }

  private Result decideAndRun(RestartStep step, String source, Mode mode) {
    Path stateFile = stateFile();
    Instant now = host.clock().instant();
    Loaded loaded = history(now, "Restart NOT done: cannot read state file ");
    if (loaded.failure() != null) {
      return loaded.failure();
    }
    RestartHistory history = loaded.history();
    Result held = protection(history, now, mode);
    if (held != null) {
      saveIfChanged(history, stateFile);
      return held;
    }
    history.record(now, source);
    try {
      history.save(stateFile);
    } catch (IOException e) {
      log.line("Restart NOT done: cannot write state file " + stateFile + ": " + e.getMessage());
      return Result.ERROR;
    }
    log.line("Restarting " + target.id() + ": " + step.description());
    CommandResult r = step.run(host.runner(), commandLog);
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

  /** The protection that holds this attempt back (after logging why), or null to go ahead. */
  private Result protection(RestartHistory history, Instant now, Mode mode) {
    Policy policy = target.policy();
    int count = history.count();
    String per = perWindow(policy.window());
    if (mode == Mode.FORCE) {
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
      return null;
    }
    if (count >= policy.maxRestarts()) {
      log.line(
          "Restart DENIED: limit reached (" + count + "/" + policy.maxRestarts() + " " + per + ")");
      log.line("ACTION REQUIRED: Check service health manually - automatic restarts stopped");
      history.entries().stream()
          .map(RestartHistory.Entry::at)
          .min(Instant::compareTo)
          .ifPresent(
              first ->
                  log.line(
                      "Next restart allowed at "
                          + first.plus(policy.window())
                          + " (when the oldest restart leaves the window)"));
      return Result.DENIED;
    }
    Optional<RestartHistory.Entry> last = history.last();
    if (mode == Mode.NORMAL && last.isPresent()) {
      long ago = Duration.between(last.get().at(), now).getSeconds();
      long need = policy.cooldown().getSeconds();
      if (ago < need) {
        log.line(
            "Restart SKIPPED: cooldown active ("
                + ago
                + "s ago by "
                + last.get().source()
                + ", need "
                + need
                + "s, wait "
                + (need - ago)
                + "s more)");
        return Result.SKIPPED;
      }
    }
    log.line(
        "Restart ALLOWED (restart " + (count + 1) + "/" + policy.maxRestarts() + " " + per + ")");
    return null;
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
