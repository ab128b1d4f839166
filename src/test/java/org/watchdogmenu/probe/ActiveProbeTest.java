package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.ActiveProbeSpec;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;
import org.watchdogmenu.service.ServiceState;

class ActiveProbeTest {
  @TempDir Path root;

  private ProbeResult run(ServiceState state) {
    return Probes.of(new ActiveProbeSpec(null, null))
        .run(
            Contexts.of(
                TestHosts.scripted(
                    root, new ScriptedCommandRunner(), MutableClock.at("2025-02-14T10:30:00Z")),
                null,
                Optional.empty(),
                state));
  }

  @Test
  void mapsTheServiceStateToAVerdict() {
    assertThat(run(ServiceState.active(Optional.empty())).verdict()).isEqualTo(Verdict.PASS);
    assertThat(run(ServiceState.inactive("inactive (failed)")).verdict()).isEqualTo(Verdict.FAIL);
    assertThat(run(ServiceState.inactive("inactive (failed)")).message())
        .isEqualTo("service is inactive (failed)");
    assertThat(run(ServiceState.unknown("systemctl timed out")).verdict())
        .isEqualTo(Verdict.UNKNOWN);
    assertThat(run(ServiceState.untracked()).verdict()).isEqualTo(Verdict.UNKNOWN);
  }
}
