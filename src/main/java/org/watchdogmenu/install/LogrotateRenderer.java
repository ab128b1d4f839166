package org.watchdogmenu.install;

import java.util.Map;
import java.util.SortedSet;

/** Renders /etc/logrotate.d/watchdog-menu: one block for every log the engine writes. */
final class LogrotateRenderer {
  private LogrotateRenderer() {}

  static FileWrite render(SortedSet<String> logs) {
    logs.forEach(l -> Names.path("log file", l));
    String text = Templates.fill("logrotate", Map.of("logs", String.join("\n", logs)));
    return FileWrite.of(
        InstallPaths.LOGROTATE, text, FileKind.LOGROTATE, "0644", "root", "logrotate");
  }
}
