package org.watchdogmenu.probe;

import org.watchdogmenu.service.ServiceState;

/**
 * The target's service is running, as its service manager says: ACTIVE is PASS, INACTIVE is FAIL,
 * and a manager that cannot tell (or a service nobody tracks) is UNKNOWN.
 */
final class ActiveProbe implements Probe {

  @Override
  public ProbeResult run(ProbeContext context) {
    Stopwatch watch = Stopwatch.start();
    if (context.service() == null) {
      throw new ConfigProblem("active probe: the target has no service to ask: set service");
    }
    ServiceState state = context.service().state();
    String text = "service is " + state.detail();
    switch (state.activity()) {
      case ACTIVE:
        return ProbeResult.pass(text, watch.elapsed());
      case INACTIVE:
        return ProbeResult.fail(text, watch.elapsed());
      default:
        return ProbeResult.unknown(
            "cannot tell whether the service runs: " + state.detail(), watch.elapsed());
    }
  }
}
