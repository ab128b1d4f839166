package org.watchdogmenu.engine;

import java.util.List;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.service.RestartStep;
import org.watchdogmenu.service.ServiceControl;

/**
 * A restart asked for by a schedule or a person (the tunnel scripts' guide's cron restart): one
 * restart of the service's first recovery level through the {@link RestartGuard}, regardless of
 * health.
 */
public final class ScheduledRestart {
  private final Target target;
  private final ServiceControl service;
  private final EngineLog log;
  private final RestartGuard guard;

  public ScheduledRestart(
      Target target, ServiceControl service, EngineLog log, RestartGuard guard) {
    this.target = target;
    this.service = service;
    this.log = log;
    this.guard = guard;
  }

  /** Restarts the first recovery level as {@code request} says, through the guard. */
  public RestartGuard.Result run(RestartRequest request) {
    String who = title(request.source());
    log.line("=== " + who + " Restart Triggered: " + target.id() + " ===");
    List<RestartStep> steps = service.restartSteps();
    RestartStep step = steps.get(0);
    RestartGuard.Mode mode = request.guardMode();
    RestartGuard.Result result =
        request.isDryRun()
            ? guard.preview(step, request.source(), mode)
            : guard.attempt(step, request.source(), mode);
    log.line("=== " + who + " Restart Complete: " + closing(result) + " ===");
    return result;
  }

  /** The source in the opening and closing lines: {@code === Cron Restart Triggered: ...}. */
  private static String title(RestartSource source) {
    return switch (source) {
      case HEALTH -> "Health";
      case CRON -> "Cron";
      case MANUAL -> "Manual";
      case MONITOR -> "Monitor";
    };
  }

  private static String closing(RestartGuard.Result result) {
    return switch (result) {
      case RESTARTED -> "Service restarted";
      case WOULD_RESTART -> "Dry run, nothing changed";
      case FAILED -> "Restart FAILED";
      case ERROR -> "Restart not possible";
      case REFUSED -> "Restart refused (unsafe lock or state file)";
      case DENIED, SKIPPED, LOCK_BUSY -> "Restart skipped (protection active)";
      case PAUSED -> "Restart held (target paused)";
    };
  }
}
