package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.ProbeSpec;
import org.watchdogmenu.model.TcpConnectProbeSpec;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

class ProbeSetTimingIT {
  @TempDir Path root;

  private ProbeContext context() {
    return Contexts.of(
        TestHosts.scripted(
            root, new ScriptedCommandRunner(), MutableClock.at("2025-02-14T10:30:00Z")));
  }

  private static ProbeSpec spec(String name, long timeoutMs) {
    return new TcpConnectProbeSpec(name, Duration.ofMillis(timeoutMs), null, 1);
  }

  private static Probe sleeping(long ms, ProbeResult result) {
    return c -> {
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return result;
    };
  }

  @Test
  void resultsComeBackInSpecOrderWhateverFinishesFirst() {
    ProbeSet set =
        new ProbeSet(
            List.of(spec("slow", 2000), spec("fast", 2000)),
            List.of(
                sleeping(300, ProbeResult.pass("slow one", Duration.ZERO)),
                sleeping(0, ProbeResult.fail("fast one", Duration.ZERO))));

    List<ProbeSet.Outcome> outcomes = set.run(context());

    assertThat(outcomes).extracting(o -> o.spec().name()).containsExactly("slow", "fast");
    assertThat(outcomes)
        .extracting(o -> o.result().message())
        .containsExactly("slow one", "fast one");
    assertThat(ProbeSet.allPassed(outcomes)).isFalse();
  }

  @Test
  void probesRunInParallel() {
    ProbeResult ok = ProbeResult.pass("ok", Duration.ZERO);
    ProbeSet set =
        new ProbeSet(
            List.of(spec("a", 2000), spec("b", 2000), spec("c", 2000), spec("d", 2000)),
            List.of(sleeping(400, ok), sleeping(400, ok), sleeping(400, ok), sleeping(400, ok)));

    long start = System.nanoTime();
    List<ProbeSet.Outcome> outcomes = set.run(context());
    long ms = (System.nanoTime() - start) / 1_000_000;

    assertThat(ProbeSet.allPassed(outcomes)).isTrue();
    assertThat(ms).as("four 400ms probes at once, not 1600ms in a row").isBetween(390L, 1200L);
  }

  @Test
  void aProbeThatOverrunsIsCutOffAsFailedAfterItsOwnTimeout() {
    AtomicBoolean interrupted = new AtomicBoolean();
    Probe hanging =
        c -> {
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            interrupted.set(true);
          }
          return ProbeResult.pass("never", Duration.ZERO);
        };
    ProbeSet set =
        new ProbeSet(
            List.of(spec("hangs", 300), spec("fine", 300)),
            List.of(hanging, sleeping(0, ProbeResult.pass("fine", Duration.ZERO))));

    long start = System.nanoTime();
    List<ProbeSet.Outcome> outcomes = set.run(context());
    long ms = (System.nanoTime() - start) / 1_000_000;

    ProbeResult cut = outcomes.get(0).result();
    assertThat(cut.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(cut.message()).isEqualTo("timed out after 300ms");
    assertThat(outcomes.get(1).passed()).isTrue();
    assertThat(ms)
        .isBetween(300L + ProbeSet.MARGIN.toMillis(), 300L + ProbeSet.MARGIN.toMillis() + 700);
    // the interrupt is delivered at once; the interrupted thread may need a moment to run
    long until = System.nanoTime() + 5_000_000_000L;
    while (!interrupted.get() && System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    assertThat(interrupted).as("the hanging probe's thread is interrupted").isTrue();
  }
}
