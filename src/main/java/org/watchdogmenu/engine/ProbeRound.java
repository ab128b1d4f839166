package org.watchdogmenu.engine;

import java.util.List;
import org.watchdogmenu.probe.ProbeContext;
import org.watchdogmenu.probe.ProbeResult;

/** Runs all probes of a target once (in parallel) and returns their results in order. */
@FunctionalInterface
public interface ProbeRound {
  List<ProbeResult> run(ProbeContext context);
}
