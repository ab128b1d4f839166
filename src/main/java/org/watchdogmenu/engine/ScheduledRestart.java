package org.watchdogmenu.engine;

import java.util.List;
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

  /**
   * @param source who asks, as recorded in the state file: {@code cron}, {@code manual}, {@code
   *     health} or {@code monitor}
   * @param force skip the limit and the cooldown (still locked and recorded)
   */
  public RestartGuard.Result run(String source, boolean force, boolean dryRun) {
    String who = "cron".equals(source) ? "Cron" : capitalized(source);
    log.line("=== " + who + " Restart Triggered: " + target.id() + " ===");
    List<RestartStep> steps = service.restartSteps();
    RestartStep step = steps.get(0);
    RestartGuard.Mode mode = force ? RestartGuard.Mode.FORCE : RestartGuard.Mode.NORMAL;
    RestartGuard.Result result =
        dryRun ? guard.preview(step, source, mode) : guard.attempt(step, source, mode);
    log.line("=== " + who + " Restart Complete: " + closing(result) + " ===");
    return result;
  }

  private static String closing(RestartGuard.Result result) {
    switch (result) {
      case RESTARTED:
        return "Service restarted";
      case WOULD_RESTART:
        return "Dry run, nothing changed";
      case FAILED:
        return "Restart FAILED";
      case ERROR:
        return "Restart not possible";
      case REFUSED:
        return "Restart refused (unsafe lock or state file)";
      default:
        return "Restart skipped (protection active)";
    }
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
