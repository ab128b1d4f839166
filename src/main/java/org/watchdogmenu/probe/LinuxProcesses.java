package org.watchdogmenu.probe;

import java.util.OptionalLong;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.ProcTable;

/**
 * The resident memory and CPU time of processes, read from {@code /proc} (the machine's, or a fake
 * one under the host root in tests) through {@link ProcTable}: capped reads, no link followed. A
 * process that ends while it is read counts as absent. Which processes are the service's is {@link
 * org.watchdogmenu.service.ServiceProcesses}'s question.
 */
final class LinuxProcesses {
  /** Clock ticks per second of {@code /proc/PID/stat} times (USER_HZ, 100 on every Linux port). */
  static final int TICKS_PER_SECOND = ProcTable.TICKS_PER_SECOND;

  private final ProcTable table;

  LinuxProcesses(HostRoot root) {
    this.table = new ProcTable(root);
  }

  /** Running: it exists and is not a zombie. */
  boolean running(long pid) {
    return table.alive(pid);
  }

  /** Resident memory ({@code VmRSS}), empty when the process is gone or has none. */
  OptionalLong rssBytes(long pid) {
    for (String line : table.read(pid, "status").orElse("").split("\n")) {
      if (line.startsWith("VmRSS:")) {
        String[] f = line.substring(6).trim().split("\\s+");
        try {
          return OptionalLong.of(Long.parseLong(f[0]) * 1024);
        } catch (NumberFormatException e) {
          return OptionalLong.empty();
        }
      }
    }
    return OptionalLong.empty();
  }

  /** User plus system CPU time in clock ticks, empty when the process is gone. */
  OptionalLong cpuTicks(long pid) {
    String stat = table.read(pid, "stat").orElse("");
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      return OptionalLong.empty();
    }
    String[] f = stat.substring(close + 1).trim().split("\\s+");
    if (f.length < 13) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(f[11]) + Long.parseLong(f[12]));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
