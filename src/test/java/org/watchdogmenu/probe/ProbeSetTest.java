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

class ProbeSetTest {
  @TempDir Path root;

  private ProbeContext context() {
    return Contexts.of(
        TestHosts.scripted(
            root, new ScriptedCommandRunner(), MutableClock.at("2025-02-14T10:30:00Z")));
  }

  private static ProbeSpec spec(String name, long timeoutMs) {
    return new TcpConnectProbeSpec(name, Duration.ofMillis(timeoutMs), null, 1);
  }

  @Test
  void probesRunOnDaemonThreads() {
    AtomicBoolean daemon = new AtomicBoolean();
    Probe probe =
        c -> {
          daemon.set(Thread.currentThread().isDaemon());
          return ProbeResult.pass("ok", Duration.ZERO);
        };

    new ProbeSet(List.of(spec("a", 1000)), List.of(probe)).run(context());

    assertThat(daemon).isTrue();
  }

  @Test
  void aProbeThatThrowsIsUnknownNotAnEscapedException() {
    Probe broken =
        c -> {
          throw new IllegalStateException("boom");
        };

    List<ProbeSet.Outcome> outcomes =
        new ProbeSet(List.of(spec("a", 1000)), List.of(broken)).run(context());

    assertThat(outcomes.get(0).result().verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(outcomes.get(0).result().message())
        .contains("tcp-connect probe failed unexpectedly", "boom");
  }

  @Test
  void ofBuildsTheProbesFromSpecsAndReportsConfigProblemsAsUnknown() {
    List<ProbeSet.Outcome> outcomes =
        ProbeSet.of(List.of(new TcpConnectProbeSpec(null, null, "127.0.0.1", null))).run(context());

    assertThat(outcomes.get(0).result().verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(outcomes.get(0).result().message())
        .isEqualTo("tcp-connect probe: port is missing: set port, e.g. 8080");
  }
}
