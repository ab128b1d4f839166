package org.watchdogmenu.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.CommandService;
import org.watchdogmenu.model.DockerService;
import org.watchdogmenu.model.Pm2Service;
import org.watchdogmenu.model.Policy;
import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.model.SystemdService;
import org.watchdogmenu.model.SystemdUserService;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

class ServiceControlsTest {
  private static final String PROPS =
      "--property=LoadState,ActiveState,SubState,ActiveEnterTimestamp";

  @TempDir Path root;
  private final ScriptedCommandRunner runner = new ScriptedCommandRunner();
  private final MutableClock clock = MutableClock.at("2025-02-14T10:30:00Z");

  private ServiceControl control(ServiceSpec spec) {
    Host host = TestHosts.scripted(root, runner, clock);
    return ServiceControls.forTarget(
        new Target("t", null, null, null, null, spec, List.of(), Policy.DEFAULTS, null), host);
  }

  private static ServiceSpec withPidFile(List<String> status, String pidFile) {
    return new CommandService(
        List.of("/opt/app/restart.sh"), status, null, null, pidFile, List.of(), null);
  }

  @Test
  void aCommandServiceWithAPidFileIsTrackedByIt() throws Exception {
    // no pid file: not running
    ServiceState none = control(withPidFile(null, "/run/app.pid")).state();
    assertThat(none.activity()).isEqualTo(ServiceState.Activity.INACTIVE);
    assertThat(none.detail()).isEqualTo("no pid file /run/app.pid");

    // a root-run service's pid file in a folder others can add to is refused: UNKNOWN, one line
    java.nio.file.Files.createDirectories(root.resolve("run"));
    java.nio.file.Files.writeString(root.resolve("run/app.pid"), "1\n");
    java.nio.file.Files.setPosixFilePermissions(
        root.resolve("run/app.pid"),
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
    ServiceState refused = control(withPidFile(null, "/run/app.pid")).state();
    assertThat(refused.activity()).isEqualTo(ServiceState.Activity.UNKNOWN);
    assertThat(refused.detail()).startsWith("refusing pid file ");

    // a status command decides whether it runs; a time it prints is its start
    runner.expect("/opt/app/status.sh").prints("up since\n2025-02-14T10:29:50Z\n");
    ServiceState printed =
        control(withPidFile(List.of("/opt/app/status.sh"), "/run/app.pid")).state();
    assertThat(printed.activity()).isEqualTo(ServiceState.Activity.ACTIVE);
    assertThat(printed.since()).contains(java.time.Instant.parse("2025-02-14T10:29:50Z"));
    runner.expect("/opt/app/status.sh").exits(3);
    assertThat(control(withPidFile(List.of("/opt/app/status.sh"), null)).state().activity())
        .isEqualTo(ServiceState.Activity.INACTIVE);
    runner.verifyAllUsed();
  }

  @Test
  void aUserUnitIsReachedThroughTheUsersManager() {
    ServiceControl c = control(new SystemdUserService("camera-platform.service", "satinder"));
    runner
        .expect(
            "systemctl",
            "--user",
            "--machine=satinder@",
            "show",
            "camera-platform.service",
            PROPS,
            "--timestamp=unix")
        .prints(
            "LoadState=loaded\nActiveState=active\nSubState=running\nActiveEnterTimestamp=@1739528000\n");
    ServiceState s = c.state();
    assertThat(s.activity()).isEqualTo(ServiceState.Activity.ACTIVE);
    assertThat(s.since()).contains(Instant.ofEpochSecond(1739528000));
    assertThat(c.restartSteps())
        .singleElement()
        .extracting(RestartStep::description)
        .isEqualTo("systemctl --user --machine=satinder@ restart camera-platform.service");
    runner.verifyAllUsed();
  }

  @Test
  void systemctlThatCannotBeAskedIsUnknownNotInactive() {
    ServiceControl c = control(new SystemdService("paqet-client.service"));
    runner
        .expect("systemctl", "show", "paqet-client.service", PROPS, "--timestamp=unix")
        .exits(1)
        .printsError("System has not been booted with systemd");
    ServiceState state = c.state();
    assertThat(state.activity()).isEqualTo(ServiceState.Activity.UNKNOWN);
    assertThat(state.detail()).contains("System has not been booted with systemd");
  }

  @Test
  void anActivatingUnitCountsAsJustStarted() {
    ServiceControl c = control(new SystemdService("x.service"));
    runner
        .expect("systemctl", "show", "x.service", PROPS, "--timestamp=unix")
        .prints("LoadState=loaded\nActiveState=activating\nSubState=auto-restart\n");
    assertThat(c.state().since()).contains(clock.instant());
  }

  @Test
  void aContainerIsInspectedAndRestartedWithDocker() {
    ServiceControl c = control(new DockerService("kms-production"));
    runner
        .expect("docker", "inspect", "--format", "{{json .State}}", "kms-production")
        .prints(
            "{\"Status\":\"exited\",\"Running\":false,\"StartedAt\":\"2025-02-14T09:00:00.123Z\"}");
    assertThat(c.state())
        .extracting(ServiceState::activity, ServiceState::detail)
        .containsExactly(ServiceState.Activity.INACTIVE, "exited");
    runner
        .expect("docker", "inspect", "--format", "{{json .State}}", "kms-production")
        .exits(1)
        .printsError("Error: No such object: kms-production");
    assertThat(c.state().detail()).isEqualTo("container kms-production does not exist");
    runner.expect("docker", "inspect", "--format", "{{json .State}}", "kms-production").isMissing();
    assertThat(c.state().activity()).isEqualTo(ServiceState.Activity.UNKNOWN);
    assertThat(c.restartSteps())
        .singleElement()
        .extracting(RestartStep::description)
        .isEqualTo("docker restart kms-production");
  }

  @Test
  void pm2RunsInTheFolderOfItsEcosystemFileAndInNoneWithoutOne() {
    List<RestartStep> withFile =
        control(
                new Pm2Service(
                    "api", null, "/srv/api/ecosystem.config.js", null, null, List.of(), null))
            .restartSteps();
    assertThat(withFile)
        .extracting(RestartStep::description)
        .containsExactly(
            "pm2 restart api",
            "pm2 resurrect",
            "pm2 start /srv/api/ecosystem.config.js --only api --env production");
    assertThat(withFile)
        .extracting(step -> step.command().workdir())
        .containsOnly(root.resolve("srv/api").toString());

    List<RestartStep> without = control(new Pm2Service("api", null)).restartSteps();
    assertThat(without)
        .extracting(RestartStep::description)
        .containsExactly("pm2 restart api", "pm2 resurrect");
    assertThat(without).extracting(step -> step.command().workdir()).containsOnlyNulls();
  }

  @Test
  void aCommandServiceRunsAsItsUserInItsFolderAndAppendsRecoveryLevels() {
    ServiceControl c =
        control(
            new CommandService(
                List.of("/bin/bash", "./scripts/managed_start.sh", "restart"),
                List.of("/bin/bash", "./scripts/managed_status.sh"),
                "satinder",
                "/home/satinder/camera-platform-local",
                null,
                List.of(List.of("/usr/bin/docker", "restart", "kms-production")),
                null));
    runner
        .expect("runuser", "-u", "satinder", "--", "/bin/bash", "./scripts/managed_status.sh")
        .exits(3);
    assertThat(c.state().activity()).isEqualTo(ServiceState.Activity.INACTIVE);
    List<RestartStep> steps = c.restartSteps();
    assertThat(steps)
        .extracting(RestartStep::description)
        .containsExactly(
            "runuser -u satinder -- /bin/bash ./scripts/managed_start.sh restart",
            "runuser -u satinder -- /usr/bin/docker restart kms-production");
    assertThat(steps.get(0).command().workdir())
        .isEqualTo(root.resolve("home/satinder/camera-platform-local").toString());
    runner.verifyAllUsed();
  }

  @Test
  void aCommandServiceWithoutStatusIsUntracked() {
    ServiceControl c = control(new CommandService(List.of("/bin/true"), null));
    assertThat(c.state().activity()).isEqualTo(ServiceState.Activity.UNTRACKED);
    assertThat(runner.seen()).isEmpty();
  }
}
