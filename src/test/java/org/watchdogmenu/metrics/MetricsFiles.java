package org.watchdogmenu.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes metrics.yaml under a test root. */
final class MetricsFiles {
  private MetricsFiles() {}

  static Path write(Path root, String yaml) throws IOException {
    Path file = root.resolve("etc/watchdog-menu/metrics.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    return file;
  }
}
