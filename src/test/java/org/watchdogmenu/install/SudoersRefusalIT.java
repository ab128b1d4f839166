package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.ExecCommandRunner;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.Sleeper;

/**
 * Who a sudoers file may be for: an account of the root's /etc/passwd or a group of its /etc/group;
 * never the user ALL, an alias, or an account that does not exist. Each refusal is one line and
 * nothing is planned; and which rules of a plan need the deliberate yes.
 */
class SudoersRefusalIT {
  @TempDir Path dir;
  private Planner planner;
  private final Target paqet = SeedTargets.tunnel("paqet", "server");

  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(dir.resolve("etc/sudoers.d"));
    Files.writeString(
        dir.resolve("etc/passwd"),
        "root:x:0:0:root:/root:/bin/bash\noperator:x:1001:1001::/home/operator:/bin/sh\n");
    Files.writeString(dir.resolve("etc/group"), "root:x:0:\nops:x:1200:operator\n");
    planner =
        new Planner(
            new Host(
                new HostRoot(dir),
                new ExecCommandRunner(),
                Clock.systemUTC(),
                Sleeper.SYSTEM,
                "root"));
  }

  private Plan plan(String user, String... commands) {
    return planner.sudoers(
        new SudoersRequest(
            user,
            null,
            List.of(paqet),
            List.of(commands).stream().map(SudoersRequest::command).toList()));
  }

  @Test
  void anExistingGroupGetsItsOwnFile() throws IOException {
    Plan plan = plan("%ops");
    assertThat(plan.confirmation()).isEmpty();
    assertThat(plan.commandLine()).endsWith("sudoers %ops --target paqet-server");
    FileWrite file = plan.writes().get(0);
    assertThat(file.path()).isEqualTo("/etc/sudoers.d/watchdog-menu-group-ops");
    assertThat(file.text()).contains("\n%ops ALL=(root) NOPASSWD: /usr/bin/systemctl restart");
    assertThat(new SudoersValidator(new ExecCommandRunner()).check(file)).isEmpty();

    Files.writeString(dir.resolve("etc/sudoers.d/watchdog-menu-group-ops"), file.text());
    Plan more =
        planner.sudoers(
            new SudoersRequest("%ops", null, List.of(SeedTargets.tunnel("paqet", "client")), null),
            true);
    assertThat(more.writes().get(0).text())
        .contains("restart paqet-server.service", "restart paqet-client.service");
  }
}
