package org.watchdogmenu.probe;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.watchdogmenu.model.CpuProbeSpec;
import org.watchdogmenu.os.UnsafePathException;

/**
 * The CPU use of the watched process is not stuck above {@code max_percent}: it fails only when the
 * use has been above the limit for the whole span {@code for}, across runs. Since when it has been
 * high is kept in a marker file under the target's state folder ({@code cpu-<watched>.high-since});
 * a normal sample, a process that is not running, or a service start after the first high sample
 * ({@code notBefore}) starts the count again.
 *
 * <p>The use is measured from {@code /proc/PID/stat} over a short interval (at most 500 ms, at most
 * half the timeout), or taken from pm2's {@code monit.cpu} for a pm2 app. 100% is one core.
 */
final class CpuProbe implements Probe {
  private final CpuProbeSpec spec;

  CpuProbe(CpuProbeSpec spec) {
    this.spec = spec;
  }

  @Override
  public ProbeResult run(ProbeContext context) {
    Stopwatch watch = Stopwatch.start();
    WatchedProcess watched =
        WatchedProcess.of("cpu", spec.pidFile(), spec.process(), spec.pm2App());
    HighCpuMarker marker =
        new HighCpuMarker(
            context
                .host()
                .root()
                .resolve(context.stateDir() + "/cpu-" + watched.key() + ".high-since"));
    try {
      WatchedProcess.Lookup found = watched.find(context, spec.timeout(), watch);
      if (found.problem() != null) {
        if (found.notRunning()) {
          marker.clear();
        }
        return found.problem();
      }
      double measured =
          found.app() != null
              ? found.app().cpuPercent()
              : new CpuSampler(context.host())
                  .percent(found.pids(), CpuSampler.interval(spec.timeout()));
      long percent = Math.round(measured);
      if (percent <= spec.maxPercent()) {
        marker.clear();
        return ProbeResult.pass(
            "CPU of "
                + watched.describe()
                + ": "
                + percent
                + "% (limit "
                + spec.maxPercent()
                + "%)",
            watch.elapsed());
      }
      return judgeHigh(context, marker, percent, watch);
    } catch (IOException e) {
      return ProbeResult.unknown(
          "cannot keep the CPU history in "
              + marker.file()
              + ": "
              + (e instanceof UnsafePathException ? e.getMessage() : e.toString()),
          watch.elapsed());
    }
  }

  private ProbeResult judgeHigh(
      ProbeContext context, HighCpuMarker marker, long percent, Stopwatch watch)
      throws IOException {
    Instant now = context.host().clock().instant();
    Optional<Instant> since = marker.since();
    boolean stale =
        since.isEmpty()
            || since.get().isAfter(now)
            || context.notBefore().map(t -> t.isAfter(since.get())).orElse(false);
    Instant first = stale ? now : since.get();
    if (stale) {
      marker.mark(now);
    }
    Duration high = Duration.between(first, now);
    String limit = "limit " + spec.maxPercent() + "% for " + spec.span().getSeconds() + "s";
    if (high.compareTo(spec.span()) >= 0) {
      return ProbeResult.fail(
          "CPU " + percent + "% for " + high.getSeconds() + "s (" + limit + ")", watch.elapsed());
    }
    return ProbeResult.pass(
        "CPU " + percent + "% for " + high.getSeconds() + "s, not yet stuck (" + limit + ")",
        watch.elapsed());
  }
}
