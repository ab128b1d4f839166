package org.watchdogmenu.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.watchdogmenu.os.AtomicFile;

/**
 * The continuous monitor's heartbeat for Prometheus: {@code
 * watchdog_monitor_heartbeat_timestamp_seconds} in a textfile of its own next to the targets' one
 * ({@code watchdog-menu-monitor.prom}), so a beat never rewrites every target's series. A clean
 * stop removes it; a monitor that dies or hangs leaves it to grow old, which the {@code
 * WatchdogMonitorStale} rule sees.
 */
final class MonitorBeatFile {
  static final String NAME = "watchdog-menu-monitor.prom";

  private final Path file;

  /**
   * @param textfile the targets' textfile, whose folder node_exporter reads
   */
  MonitorBeatFile(Path textfile) {
    this.file = textfile.resolveSibling(NAME);
  }

  void beat(Instant at) throws IOException {
    AtomicFile.write(
        file,
        ("# HELP watchdog_monitor_heartbeat_timestamp_seconds Unix time of the continuous monitor's"
                + " last beat.\n"
                + "# TYPE watchdog_monitor_heartbeat_timestamp_seconds gauge\n"
                + "watchdog_monitor_heartbeat_timestamp_seconds "
                + at.getEpochSecond()
                + "\n")
            .getBytes(StandardCharsets.UTF_8),
        PosixFilePermissions.fromString("rw-r--r--"),
        AtomicFile.Durability.UNSYNCED); // a beat: the next one replaces it
  }

  void remove() throws IOException {
    Files.deleteIfExists(file);
  }
}
