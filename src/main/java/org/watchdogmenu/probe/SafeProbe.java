package org.watchdogmenu.probe;

/**
 * Wraps a probe so that it keeps the {@link Probe} contract: a {@link ConfigProblem} becomes {@link
 * Verdict#UNKNOWN} with its message, and an unexpected exception becomes UNKNOWN naming the probe
 * type instead of escaping.
 */
final class SafeProbe implements Probe {
  private final String type;
  private final Probe probe;
  private final int index;

  SafeProbe(String type, Probe probe) {
    this(type, probe, -1);
  }

  /**
   * @param index the probe's place in its target's list ({@code probes[index]} in messages that
   *     name a setting to fix), or -1 when it is not known
   */
  SafeProbe(String type, Probe probe, int index) {
    this.type = type;
    this.probe = probe;
    this.index = index;
  }

  @Override
  public ProbeResult run(ProbeContext context) {
    ProbeResult r = guarded(context);
    String message = ProbeSetting.resolve(r.message(), type, index);
    return message == r.message() ? r : new ProbeResult(r.verdict(), message, r.elapsed());
  }

  private ProbeResult guarded(ProbeContext context) {
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
