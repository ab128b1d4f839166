package org.watchdogmenu.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The target's access and boot items: sudoers grants that add to what an operator's file already
 * has (checked by the real visudo), and the systemd units a target's kind can have.
 */
class TuiAccessIT {
  private static final Look LOOK = new Look(false, true);

  @TempDir Path dir;

  /** The operator's account, which a sudoers grant needs in the root's /etc/passwd. */
  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(dir.resolve("etc"));
    Files.writeString(dir.resolve("etc/passwd"), "deploy:x:1100:1100::/home/deploy:/bin/sh\n");
  }

  private VirtualMenu menu() {
    return new VirtualMenu(RealValidators.sandbox(dir), 80, 24, LOOK);
  }

  private Path sudoers() {
    return dir.resolve("etc/sudoers.d/watchdog-menu-deploy");
  }

  @Test
  void aGrantAddsToWhatTheOperatorsFileAlreadyHas() throws IOException {
    Files.createDirectories(dir.resolve("etc/sudoers.d"));
    VirtualMenu m = menu().type("1191");
    assertThat(m.row(0)).endsWith("Sudoers");
    assertThat(m.text())
        .contains("may then run exactly these, with no other arguments:")
        .contains("sudo watchdog-menu --root ", " check", " restart", "paqet-server")
        .contains("  sudo systemctl restart paqet-server.service ")
        .doesNotContain("--source");
    m.type("1").type("deploy\n").type("2");
    assertThat(m.row(0)).endsWith("Preview");
    assertThat(m.text())
        .contains("+deploy ALL=(root) NOPASSWD: /usr/bin/systemctl restart paqet-server.service")
        .contains("sudoers deploy", "--add --target paqet-server");
    m.type("ay");
    assertThat(m.text()).contains("Applied");
    assertThat(m.row(0)).endsWith("Access and boot");
    assertThat(m.text()).contains("1) Sudoers (check and restart without a password)", "[deploy]");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sudoers())))
        .isEqualTo("r--r-----");

    m.press(KeyType.Escape, KeyType.Escape)
        .type("2")
        .type("911")
        .type("deploy\n")
        .type("2")
        .type("ay");
    String text = Files.readString(sudoers());
    assertThat(text)
        .contains(" check paqet-server\n")
        .contains("/usr/bin/systemctl restart paqet-server.service\n")
        .contains(" check paqet-client\n")
        .contains("/usr/bin/systemctl restart paqet-client.service\n");
    assertThat(text.indexOf("paqet-server")).isLessThan(text.indexOf("paqet-client"));
  }
}
