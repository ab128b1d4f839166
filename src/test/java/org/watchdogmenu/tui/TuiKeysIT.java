package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.install.Applier;
import org.watchdogmenu.install.Feature;
import org.watchdogmenu.install.InstallTools;
import org.watchdogmenu.install.Schedule;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.Host;

/** Key scripts: navigation, the shared keys, and that nothing is written without a's and y's. */
class TuiKeysIT {
  private static final Look LOOK = new Look(false, true);

  @TempDir Path dir;
  private Path cron;

  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(dir.resolve("etc/cron.d"));
    cron = dir.resolve("etc/cron.d/paqet-health-paqet-server");
  }

  private VirtualMenu menu() {
    return new VirtualMenu(RealValidators.sandbox(dir), 80, 24, LOOK);
  }

  @Test
  void restartTimesWithDifferentMinutesShowInWords() {
    Host host = RealValidators.sandbox(dir);
    InstallTools installer = new InstallTools(host);
    Target paqet = Catalog.load(host.root()).target("paqet-server");
    installer
        .applier()
        .apply(
            installer.planner().enable(paqet, Feature.RESTART, Schedule.parse("08:30,16:30,00:00")),
            new Applier.Options(false));
    VirtualMenu m = new VirtualMenu(host, 80, 24, LOOK).type("11");
    assertThat(m.text()).contains("Scheduled restart", "[Daily at 00:00, 08:30, 16:30]");
  }

  @Test
  void aThenYAppliesAndTheTargetShowsTheNewStateThenDisableRemovesIt() throws IOException {
    VirtualMenu m = menu().type("1112ay");
    assertThat(cron).exists();
    assertThat(Files.readString(cron)).contains("*/5 * * * * root");
    assertThat(m.loop.top()).isInstanceOf(TargetView.class);
    assertThat(m.text())
        .contains("Applied: ")
        .contains("1) Health check (auto-restart)", "[Every 5 minutes]");
    m.type("1");
    assertThat(m.text()).contains("2) Every 5 minutes - balanced (recommended)", "[current]");
    m.type("4ay");
    assertThat(cron).doesNotExist();
    assertThat(m.text()).contains("[Not configured]");
    m.press(KeyType.Escape, KeyType.Escape);
    assertThat(m.text()).contains("1) Paqet tunnel", "no schedule]");
  }

  private void writeTarget(String id, String yaml) throws IOException {
    Path f = dir.resolve("etc/watchdog-menu/targets/" + id + ".yaml");
    Files.createDirectories(f.getParent());
    Files.writeString(f, yaml);
  }
}
