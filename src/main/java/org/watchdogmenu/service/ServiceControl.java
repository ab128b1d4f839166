package org.watchdogmenu.service;

import java.util.List;

/** Asks a service manager about one service and knows how to restart it. */
public interface ServiceControl {

  ServiceState state();

  /**
   * The recovery levels in order: the kind's own restart first, then any escalation (for pm2:
   * restart, resurrect, start from the ecosystem file), then the target's extra {@code recovery}
   * commands.
   */
  List<RestartStep> restartSteps();
}
