package org.watchdogmenu.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.watchdogmenu.model.ActiveProbeSpec;
import org.watchdogmenu.model.ProbeSpec;
import org.watchdogmenu.probe.ProbeResult;

/** Probe timings of a check that ran no probes (grace period) and of a mismatched round. */
class ProbeTimingTest {
  private final List<ProbeSpec> specs =
      List.of(new ActiveProbeSpec(null, null), new ActiveProbeSpec(null, null));

  @Test
  void aCheckInsideItsGracePeriodRanNoProbesAndHasNoTimings() {
    assertThat(ProbeTiming.of(specs, List.of())).isEmpty();
  }

  @Test
  void aRoundWithSomeResultsMissingIsAnError() {
    List<ProbeResult> one = List.of(ProbeResult.pass("ok", Duration.ofMillis(5)));
    assertThatThrownBy(() -> ProbeTiming.of(specs, one))
        .hasMessageContaining("2 probes but 1 results");
  }
}
