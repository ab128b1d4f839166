package org.watchdogmenu.engine;

import org.watchdogmenu.model.RestartSource;

/**
 * A restart asked of {@link Engine#restart}: who asks, whether the guard's limit and cooldown
 * apply, and whether it runs or only says what it would do. {@code
 * RestartRequest.by(RestartSource.MANUAL).forced()} is {@code restart TARGET --force}.
 *
 * @param source who asks, as recorded in the state file
 */
public record RestartRequest(RestartSource source, Protection protection, Effect effect) {

  /** Whether the guard's protections apply. */
  public enum Protection {
    /** The restart cap and the cooldown apply. */
    GUARDED,
    /** Neither applies ({@code --force}); the restart is still locked and recorded. */
    FORCED
  }

  /** What the request changes. */
  public enum Effect {
    /** Restart the service when the guard allows it, and record it. */
    RESTART,
    /** Say what the guard would decide; change nothing, write no log ({@code --dry-run}). */
    DRY_RUN
  }

  /** A guarded restart that runs. */
  public static RestartRequest by(RestartSource source) {
    return new RestartRequest(source, Protection.GUARDED, Effect.RESTART);
  }

  /** The request of {@code restart}'s options {@code --force} and {@code --dry-run}. */
  public static RestartRequest ofOptions(RestartSource source, boolean force, boolean dryRun) {
    return new RestartRequest(
        source,
        force ? Protection.FORCED : Protection.GUARDED,
        dryRun ? Effect.DRY_RUN : Effect.RESTART);
  }

  /** The same request with the cap and the cooldown skipped. */
  public RestartRequest forced() {
    return new RestartRequest(source, Protection.FORCED, effect);
  }

  /** The same request, only saying what it would do. */
  public RestartRequest dryRun() {
    return new RestartRequest(source, protection, Effect.DRY_RUN);
  }

  boolean isDryRun() {
    return switch (effect) {
      case RESTART -> false;
      case DRY_RUN -> true;
    };
  }

  RestartGuard.Mode guardMode() {
    return switch (protection) {
      case GUARDED -> RestartGuard.Mode.NORMAL;
      case FORCED -> RestartGuard.Mode.FORCE;
    };
  }
}
