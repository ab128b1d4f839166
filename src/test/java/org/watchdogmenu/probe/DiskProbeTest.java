package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.DiskProbeSpec;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

class DiskProbeTest {
  @TempDir Path root;

  @Test
  void computesUseLikeDfRoundingUp() {
    // df: 1K-blocks 10000, 7000 used, 2500 available (500 reserved for root) -> 74%
    assertThat(DiskProbe.usedPercent(10_000, 3_000, 2_500)).isEqualTo(74);
    assertThat(DiskProbe.usedPercent(10_000, 10_000, 9_500)).isEqualTo(0);
    assertThat(DiskProbe.usedPercent(10_000, 9_999, 9_999)).isEqualTo(1);
    assertThat(DiskProbe.usedPercent(10_000, 500, 0)).isEqualTo(100);
    assertThat(DiskProbe.usedPercent(0, 0, 0)).isEqualTo(0);
  }

  @Test
  void aPathThatDoesNotExistIsAConfigProblem() {
    ProbeResult r =
        Probes.of(new DiskProbeSpec(null, null, "/srv/data", null))
            .run(
                Contexts.of(
                    TestHosts.scripted(
                        root,
                        new ScriptedCommandRunner(),
                        MutableClock.at("2025-02-14T10:30:00Z"))));

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message()).startsWith("disk probe: path /srv/data does not exist");
  }
}
