package org.watchdogmenu.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.watchdogmenu.os.Host;

/**
 * Measures the CPU use of processes as {@code top} shows it (100% = one core busy): their user and
 * system time from {@code /proc/PID/stat}, read twice a short interval apart on the host clock.
 * Processes are added up; one that ends between the reads is left out.
 */
final class CpuSampler {
  /** The longest interval between the two reads. */
  static final Duration INTERVAL = Duration.ofMillis(500);

  private final Host host;

  CpuSampler(Host host) {
    this.host = host;
  }

  /** The interval to use within a probe's timeout: at most half of it. */
  static Duration interval(Duration timeout) {
    Duration half = timeout.dividedBy(2);
    return half.compareTo(INTERVAL) < 0 ? half : INTERVAL;
  }

  double percent(List<Long> pids, Duration interval) {
    LinuxProcesses procs = new LinuxProcesses(host.root());
    Map<Long, Long> before = new HashMap<>();
    for (long pid : pids) {
      procs.cpuTicks(pid).ifPresent(t -> before.put(pid, t));
    }
    Instant start = host.clock().instant();
    host.sleeper().sleep(interval);
    double seconds = Duration.between(start, host.clock().instant()).toNanos() / 1e9;
    long ticks = 0;
    for (Map.Entry<Long, Long> e : before.entrySet()) {
      OptionalLong after = procs.cpuTicks(e.getKey());
      if (after.isPresent()) {
        ticks += after.getAsLong() - e.getValue();
      }
    }
    if (seconds <= 0) {
      return 0;
    }
    return ticks * 100.0 / LinuxProcesses.TICKS_PER_SECOND / seconds;
  }
}
