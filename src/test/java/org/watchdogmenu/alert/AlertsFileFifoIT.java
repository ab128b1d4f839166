package org.watchdogmenu.alert;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.HostRoot;

class AlertsFileFifoIT {
  @TempDir Path root;

  private AlertsConfig read(String yaml, String mode) throws Exception {
    AlertFiles.write(root, yaml, mode);
    return AlertsFile.read(new HostRoot(root));
  }

  private String file() {
    return root.resolve("etc/watchdog-menu/alerts.yaml").toString();
  }

  @Test
  void aLinkOrAFifoIsNeverOpened() throws Exception {
    Path file = root.resolve("etc/watchdog-menu/alerts.yaml");
    Files.createDirectories(file.getParent());
    Files.createSymbolicLink(file, Path.of("/dev/zero"));
    assertThatThrownBy(() -> AlertsFile.read(new HostRoot(root)))
        .hasMessage("refusing " + file() + ": it is a link, not a regular file");

    Files.delete(file);
    new ProcessBuilder("mkfifo", file.toString()).start().waitFor();
    assertThatThrownBy(() -> AlertsFile.read(new HostRoot(root)))
        .hasMessage("refusing " + file() + ": it is a FIFO, not a regular file");
  }
}
