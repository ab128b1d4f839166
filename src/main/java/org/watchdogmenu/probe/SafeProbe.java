package org.watchdogmenu.probe;

/**
 * Wraps a probe so that it keeps the {@link Probe} contract: a {@link ConfigProblem} becomes {@link
 * Verdict#UNKNOWN} with its message, and an unexpected exception becomes UNKNOWN naming the probe
 * type instead of escaping.
 */
final class SafeProbe implements Probe {
  private final String type;
  private final Probe probe;

  SafeProbe(String type, Probe probe) {
    this.type = type;
    this.probe = probe;
  }

  @Override
  public ProbeResult run(ProbeContext context) {
    Stopwatch watch = Stopwatch.start();
    try {
      return probe.run(context);
    } catch (ConfigProblem e) {
      return ProbeResult.unknown(e.getMessage(), watch.elapsed());
    } catch (RuntimeException e) {
      return ProbeResult.unknown(type + " probe failed unexpectedly: " + e, watch.elapsed());
    }
  }
}
