package org.watchdogmenu.alert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes alerts.yaml under a test root. */
final class AlertFiles {
  private AlertFiles() {}

  static Path write(Path root, String yaml, String mode) throws IOException {
    Path file = root.resolve("etc/watchdog-menu/alerts.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }
}
