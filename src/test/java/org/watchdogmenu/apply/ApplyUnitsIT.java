package org.watchdogmenu.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.catalog.Catalog;

/** The units section: the monitor's service and PM2 housekeeping, and their removal. */
class ApplyUnitsIT {
  private static final String UNITS =
      """
      version: 1
      targets:
        demo:
          title: Demo app
          service:
            kind: command
            user: ubuntu
            workdir: /tmp
            restart: ["/usr/bin/env", "restart"]
          probes:
            - type: tcp-listen
              port: 8080
      units:
        monitor: true
        pm2_housekeeping:
          - user: ubuntu
            app_dir: /srv/app
      """;

  @TempDir Path dir;
  private Sandbox box;

  @BeforeEach
  void setUp() throws IOException {
    box = new Sandbox(dir.resolve("root"));
    Files.createDirectories(box.dir.resolve("var/lib/systemd/linger"));
    Files.createFile(box.dir.resolve("var/lib/systemd/linger/ubuntu"));
  }

  @Test
  void unitsAreWrittenOnceAndRemovedWhenTheFileNoLongerListsThem() throws IOException {
    box.scripted.expect("systemctl", "daemon-reload");
    box.scripted.expect("systemctl", "enable", "--now", "watchdog-menu-monitor.service");
    box.scripted.expect("pm2", "startup", "systemd", "-u", "ubuntu", "--hp", "/home/ubuntu");
    box.apply(UNITS);
    box.scripted.verifyAllUsed();

    assertThat(box.at("/etc/systemd/system/watchdog-menu-monitor.service")).exists();
    assertThat(box.at("/etc/cron.d/pm2-housekeeping-ubuntu")).exists();
    assertThat(box.apply(UNITS).plan().isEmpty()).isTrue();

    String export = Export.of(box.host.root(), Catalog.load(box.host.root()));
    assertThat(export)
        .contains("monitor: true")
        .contains("pm2_housekeeping:\n    - user: ubuntu\n      app_dir: /srv/app");

    String none =
        UNITS
            .replace("monitor: true", "monitor: false")
            .replaceAll("(?s)pm2_housekeeping:.*", "pm2_housekeeping: []\n");
    box.scripted.expect("systemctl", "disable", "--now", "watchdog-menu-monitor.service");
    box.scripted.expect("systemctl", "daemon-reload");
    box.apply(none);
    box.scripted.verifyAllUsed();

    assertThat(box.at("/etc/systemd/system/watchdog-menu-monitor.service")).doesNotExist();
    assertThat(box.at("/etc/cron.d/pm2-housekeeping-ubuntu")).doesNotExist();
    assertThat(box.apply(none).plan().isEmpty()).isTrue();
  }
}
