package org.watchdogmenu.probe;

import java.util.OptionalLong;
import org.watchdogmenu.model.MemoryProbeSpec;

/**
 * The resident memory (RSS) of the watched process stays at or below {@code max}. For a process
 * name that matches several processes the sum of their RSS counts; for a pm2 app, pm2's own
 * measure. No such process running is FAIL "process not running".
 */
final class MemoryProbe implements Probe {
  private static final long MB = 1024 * 1024;

  private final MemoryProbeSpec spec;

  MemoryProbe(MemoryProbeSpec spec) {
    this.spec = spec;
  }

  @Override
  public ProbeResult run(ProbeContext context) {
    Stopwatch watch = Stopwatch.start();
    WatchedProcess watched =
        WatchedProcess.of("memory", spec.pidFile(), spec.process(), spec.pm2App());
    WatchedProcess.Lookup found = watched.find(context, spec.timeout(), watch);
    if (found.problem() != null) {
      return found.problem();
    }
    long bytes;
    if (found.app() != null) {
      bytes = found.app().memoryBytes();
    } else {
      LinuxProcesses procs = new LinuxProcesses(context.host().root());
      bytes = 0;
      for (long pid : found.pids()) {
        OptionalLong rss = procs.rssBytes(pid);
        bytes += rss.orElse(0);
      }
    }
    String text =
        "memory of "
            + watched.describe()
            + ": "
            + bytes / MB
            + " MB (limit "
            + spec.max().bytes() / MB
            + " MB)";
    return bytes > spec.max().bytes()
        ? ProbeResult.fail(text, watch.elapsed())
        : ProbeResult.pass(text, watch.elapsed());
  }
}
