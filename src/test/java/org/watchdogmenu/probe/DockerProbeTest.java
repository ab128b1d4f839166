package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.DockerProbeSpec;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

class DockerProbeTest {
  @TempDir Path root;
  private final ScriptedCommandRunner runner = new ScriptedCommandRunner();
  private Host host;

  @BeforeEach
  void setUp() {
    host = TestHosts.scripted(root, runner, MutableClock.at("2025-02-14T10:30:00Z"));
  }

  private ScriptedCommandRunner.Expectation inspect(String container) {
    return runner.expect("docker", "inspect", "--format", "{{json .State}}", container);
  }

  private ProbeResult run(String container) {
    return Probes.of(new DockerProbeSpec(null, null, container))
        .run(Contexts.of(host, Contexts.dockerService("kms-production"), Optional.empty(), null));
  }

  @Test
  void runningContainerPassesAndDefaultsToTheServicesContainer() {
    inspect("kms-production")
        .prints("{\"Status\":\"running\",\"Running\":true,\"StartedAt\":\"2025-02-14T10:00:00Z\"}");

    ProbeResult r = run(null);

    runner.verifyAllUsed();
    assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    assertThat(r.message()).isEqualTo("container kms-production is running");
  }

  @Test
  void exitedContainerFails() {
    inspect("kms").prints("{\"Status\":\"exited\",\"Running\":false}");

    ProbeResult r = run("kms");

    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message()).isEqualTo("container kms is not running (exited)");
  }

  @Test
  void missingContainerFails() {
    inspect("kms").exits(1).printsError("Error: No such object: kms");

    ProbeResult r = run("kms");

    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message()).isEqualTo("container kms does not exist");
  }

  @Test
  void dockerNotInstalledIsUnknown() {
    inspect("kms").isMissing();

    ProbeResult r = run("kms");

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message()).startsWith("docker inspect could not start");
  }

  @Test
  void daemonDownIsUnknown() {
    inspect("kms")
        .exits(1)
        .printsError(
            "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker"
                + " daemon running?");

    ProbeResult r = run("kms");

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message()).contains("Cannot connect to the Docker daemon");
  }
}
