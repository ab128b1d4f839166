package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.HostRoot;

/** Reading back what a sudoers file of ours grants, so a grant adds instead of replacing. */
class SudoersGrantsTest {
  @TempDir Path dir;

  private void file(String name, String text) throws IOException {
    Path f = dir.resolve("etc/sudoers.d/" + name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
  }

  @Test
  void rulesComeBackAsTheArgvTheyWereRenderedFrom() throws IOException {
    SudoersRequest request =
        new SudoersRequest(
            "op",
            null,
            List.of(),
            List.of(List.of("/usr/bin/emqx", "ctl", "status"), List.of("/bin/echo", "a,b=c:d")));
    file("watchdog-menu-op", SudoersRenderer.render(request, request.extra()).text());
    assertThat(SudoersGrants.current(new HostRoot(dir), request)).isEqualTo(request.extra());
  }

  @Test
  void theGrantIsExactlyWhatTheOperatorTypes() {
    List<List<String>> rules =
        SudoersRenderer.commands(
            new SudoersRequest("op", null, List.of(SeedTargets.camera()), List.of()),
            InstallPaths.BIN);
    assertThat(rules)
        .containsExactly(
            List.of(InstallPaths.BIN, "check", "camera-platform"),
            List.of(InstallPaths.BIN, "restart", "camera-platform"));
    assertThat(SudoersRenderer.invocations(SeedTargets.camera(), InstallPaths.BIN))
        .containsExactly(
            "sudo watchdog-menu check camera-platform",
            "sudo watchdog-menu restart camera-platform");
    assertThat(SudoersRenderer.invocations(SeedTargets.tunnel("paqet", "server"), InstallPaths.BIN))
        .containsExactly(
            "sudo watchdog-menu check paqet-server",
            "sudo watchdog-menu restart paqet-server",
            "sudo systemctl restart paqet-server.service");
  }

  @Test
  void noFileGrantsNothing() {
    SudoersRequest request = new SudoersRequest("op", null, List.of(), List.of(List.of("ALL")));
    assertThat(SudoersGrants.current(new HostRoot(dir), request)).isEmpty();
  }

  @Test
  void aRuleWeDoNotWriteIsNamedByLine() throws IOException {
    file("watchdog-menu-op", "# header\nop ALL=(root) NOPASSWD: /bin/true\nop ALL=(ALL) ALL\n");
    SudoersRequest request = new SudoersRequest("op", null, List.of(), List.of(List.of("ALL")));
    assertThatThrownBy(() -> SudoersGrants.current(new HostRoot(dir), request))
        .hasMessage(
            "/etc/sudoers.d/watchdog-menu-op:3: a rule watchdog-menu does not write; merge by"
                + " hand, or give another --name");
  }

  @Test
  void usersWhoMayCheckATargetAreFoundInOurFilesOnly() throws IOException {
    file("watchdog-menu-b", "b ALL=(root) NOPASSWD: /usr/local/bin/watchdog-menu check web\n");
    file("watchdog-menu-a", "a ALL=(root) NOPASSWD: /usr/local/bin/watchdog-menu check web\n");
    file("watchdog-menu-c", "c ALL=(root) NOPASSWD: /usr/local/bin/watchdog-menu check web2\n");
    file("other", "d ALL=(root) NOPASSWD: /usr/local/bin/watchdog-menu check web\n");
    assertThat(SudoersGrants.usersFor(new HostRoot(dir), "web")).containsExactly("a", "b");
  }
}
