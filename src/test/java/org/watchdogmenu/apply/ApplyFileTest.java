package org.watchdogmenu.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.install.FileWrite;
import org.watchdogmenu.install.Plan;
import org.watchdogmenu.install.PlanCommand;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

/**
 * A bad apply file is one line naming the file, the line, the key and what to do, before any
 * program runs: the scripted runner answers nothing, so a plan that ran one would fail here.
 */
class ApplyFileTest {
  @TempDir Path dir;
  private final ScriptedCommandRunner runner = new ScriptedCommandRunner();
  private Host host;

  @BeforeEach
  void setUp() throws IOException {
    host = TestHosts.scripted(dir, runner, new MutableClock(Instant.parse("2026-12-01T12:00:00Z")));
    Files.createDirectories(dir.resolve("etc"));
    Files.writeString(dir.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\n");
    Files.writeString(dir.resolve("etc/group"), "root:x:0:\n");
  }

  private void plan(String text) throws IOException {
    Apply.of("host.yaml", text, Map.of(), Optional.empty()).plan(host);
  }

  @Test
  void anUnknownKeyNamesTheKeysThatAreKnown() {
    assertThatThrownBy(() -> plan("version: 1\nschedules:\n  paqet-client:\n    helth: 5m\n"))
        .isInstanceOf(ApplyFileException.class)
        .hasMessage(
            "host.yaml line 4: schedules.paqet-client.helth: unknown key: use health, restart,"
                + " restart_at (see 'watchdog-menu help apply')");
  }

  @Test
  void aBadScheduleAnUnknownTargetAndAMissingVersionAreOneLineEach() {
    assertThatThrownBy(() -> plan("version: 1\nschedules:\n  paqet-client:\n    health: 7x\n"))
        .hasMessageStartingWith("host.yaml line 4: schedules.paqet-client.health: schedule '7x'");
    assertThatThrownBy(() -> plan("version: 1\nmonitor:\n  - nope\n"))
        .hasMessage(
            "host.yaml line 3: monitor[0]: unknown target 'nope': run 'watchdog-menu list' to see"
                + " the targets");
    assertThatThrownBy(() -> plan("targets: {}\n"))
        .hasMessage("host.yaml line 1: version: 1 is missing: add it as the first line");
  }

  @Test
  void aSecretFromAnEnvironmentVariableThatIsNotSetSaysHowToGiveIt() {
    assertThatThrownBy(
            () ->
                plan(
                    "version: 1\nalerts:\n  channels:\n    - type: slack\n      name: s\n"
                        + "      url_env: NOT_SET_ANYWHERE\n"))
        .hasMessage(
            "host.yaml line 6: alerts.channels[0].url_env: the environment variable"
                + " NOT_SET_ANYWHERE is not set: set it for the apply, or give the value with"
                + " --secrets");
  }

  @Test
  void aUserServiceIsTheSameUnitAndCommandsAsTheUnitsCommandPlans() throws IOException {
    Files.writeString(
        dir.resolve("etc/passwd"),
        "root:x:0:0:root:/root:/bin/bash\nsatinder:x:1000:1000::/home/satinder:/bin/bash\n");
    Files.writeString(dir.resolve("etc/group"), "root:x:0:\nsatinder:x:1000:\n");
    Files.createDirectories(dir.resolve("run/systemd/system"));
    Plan plan =
        Apply.of(
                "host.yaml",
                "version: 1\nunits:\n  user_services: [camera-platform]\n",
                Map.of(),
                Optional.empty())
            .plan(host)
            .plan();
    assertThat(plan.writes())
        .extracting(FileWrite::path)
        .contains("/home/satinder/.config/systemd/user/camera-platform.service");
    assertThat(plan.commands())
        .extracting(PlanCommand::display)
        .contains(
            "systemctl --user --machine=satinder@ daemon-reload",
            "systemctl --user --machine=satinder@ enable camera-platform.service",
            "loginctl enable-linger satinder");
    assertThat(runner.seen()).as("planning runs nothing").isEmpty();
  }
}
