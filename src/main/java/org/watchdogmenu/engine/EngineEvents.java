package org.watchdogmenu.engine;

import java.util.List;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.probe.ProbeResult;

/** What the flows report when they finish something real (never for a dry run). */
public interface EngineEvents {
  /** Ignores everything; for tests and for callers that need no alerts or metrics. */
  EngineEvents NONE = new EngineEvents() {};

  /** After every pass through the guard. */
  default void afterRestart(Target target, RestartSource source, RestartGuard.Result result) {}

  /**
   * At the end of a health check.
   *
   * @param restarted a restart ran during the check (whatever came of it)
   * @param lastProbes the results of the last probe round, empty when no probe ran
   */
  default void afterCheck(
      Target target, CheckReport report, boolean restarted, List<ProbeResult> lastProbes) {}
}
