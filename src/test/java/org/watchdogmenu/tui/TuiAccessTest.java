package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The target's access and boot items: sudoers grants that add to what an operator's file already
 * has (checked by the real visudo), and the systemd units a target's kind can have.
 */
class TuiAccessTest {
  private static final Look LOOK = new Look(false, true);

  @TempDir Path dir;

  /** The operator's account, which a sudoers grant needs in the root's /etc/passwd. */
  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(dir.resolve("etc"));
    Files.writeString(dir.resolve("etc/passwd"), "deploy:x:1100:1100::/home/deploy:/bin/sh\n");
  }

  private VirtualMenu menu() {
    return new VirtualMenu(VirtualMenu.sandbox(dir), 80, 24, LOOK);
  }

  private Path sudoers() {
    return dir.resolve("etc/sudoers.d/watchdog-menu-deploy");
  }

  @ParameterizedTest
  @MethodSource("org.watchdogmenu.tui.TuiScreensTest#looks")
  void theSudoersFormAndTheUnitsScreenFitEverySize(int w, int h, Look look) {
    VirtualMenu m = new VirtualMenu(VirtualMenu.sandbox(dir), w, h, look).type("1191");
    assertThat(m.text()).contains("1) Operator account", "[empty]", "2) Preview the sudoers file");
    m.type("1").type("ops");
    assertThat(m.text()).contains("Operator account:", "> ops", "Enter keep");
    assertThat(m.terminal.getCursorBufferPosition().getColumn()).isEqualTo(2 + 2 + 3);
    m.press(KeyType.Escape).press(KeyType.Escape);
    assertThat(m.text())
        .contains("1) Sudoers", "2) Linger", "[not available]")
        .contains("3) Restart policy drop-in", "[Not installed]");
    if (look.ascii()) {
      assertThat(m.text().chars()).allMatch(c -> c < 128);
    }
  }

  @Test
  void theSudoersFormListsTheLinesTheOperatorMayType() throws IOException {
    VirtualMenu m = new VirtualMenu(VirtualMenu.sandbox(dir), 200, 24, LOOK).type("1191");
    String engine = "sudo watchdog-menu --root " + dir;
    assertThat(m.text())
        .contains("│   " + engine + " check paqet-server ")
        .contains("│   " + engine + " restart paqet-server ")
        .contains("│   sudo systemctl restart paqet-server.service ")
        .doesNotContain("--source");
  }

  @Test
  void aBadAccountNameIsNotKeptAndNothingIsWritten() {
    VirtualMenu m = menu().type("1191").type("1").type("dep;loy\n");
    assertThat(m.text()).contains("Not kept: Operator account: ").contains("'dep;loy'");
    m.press(KeyType.Escape).type("2");
    assertThat(m.text()).contains("Not yet: Operator account: give the operator's login name");
    assertThat(dir.resolve("etc/sudoers.d")).doesNotExist();
  }

  @Test
  void aFileWithRulesOfItsOwnIsNotMerged() throws IOException {
    Files.createDirectories(sudoers().getParent());
    Files.writeString(sudoers(), "deploy ALL=(ALL) ALL\n");
    VirtualMenu m = menu().type("1191").type("1").type("deploy\n").type("2");
    assertThat(m.text())
        .contains("Cannot make the plan: /etc/sudoers.d/watchdog-menu-deploy:1: a rule")
        .contains("watchdog-menu does not write; merge by hand", "Nothing was written.");
    assertThat(Files.readString(sudoers())).isEqualTo("deploy ALL=(ALL) ALL\n");
  }

  @Test
  void theCameraGetsAUserServiceAndPm2AppsTheirHousekeeping() throws IOException {
    Files.createDirectories(dir.resolve("etc"));
    Files.writeString(
        dir.resolve("etc/passwd"),
        "satinder:x:1000:1000::/home/satinder:/bin/bash\nubuntu:x:1001:1001::/home/ubuntu:/bin/sh\n");
    VirtualMenu m = menu().type("49");
    assertThat(m.text())
        .contains("User service: start camera-platform at boot as satinder", "[Not installed]");
    m.type("3");
    // the preview wraps long lines where the sandbox's random path puts them: read it unwrapped
    assertThat(TuiNoticesTest.flat(m).replace(" ", ""))
        .contains("/home/satinder/.config/systemd/user/camera-platform.service")
        .contains("--user-servicecamera-platform");

    Path app = dir.resolve("etc/watchdog-menu/targets/api.yaml");
    Files.createDirectories(app.getParent());
    Files.writeString(
        app, "id: api\ntitle: API\nextends: pm2-app\nservice:\n  app: api\n  user: ubuntu\n");
    m = menu().type("5");
    assertThat(m.text()).contains("9) Sudoers, linger and systemd units");
    m.type("9").type("3");
    assertThat(m.row(0)).endsWith("PM2 housekeeping");
    m.type("1").type("../x\n");
    assertThat(m.text()).contains("Not kept: App folder: give an absolute folder");
    m.press(new KeyStroke('u', true, false)).type("/home/ubuntu/api\n").type("2");
    assertThat(TuiNoticesTest.flat(m).replace(" ", ""))
        .contains("/etc/cron.d/pm2-housekeeping-ubuntu")
        .contains("--pm2-housekeepingubuntu", "--app-dir/home/ubuntu/api");
  }
}
