package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.CommandProbeSpec;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

class CommandProbeTest {
  @TempDir Path root;
  private final ScriptedCommandRunner runner = new ScriptedCommandRunner();

  private ProbeResult run(List<String> argv, List<Integer> expect) {
    return Probes.of(new CommandProbeSpec(null, null, argv, expect))
        .run(
            Contexts.of(TestHosts.scripted(root, runner, MutableClock.at("2025-02-14T10:30:00Z"))));
  }

  @Test
  void expectedExitPasses() {
    runner.expect("emqx", "ctl", "status").exits(0);

    ProbeResult r = run(List.of("emqx", "ctl", "status"), null);

    runner.verifyAllUsed();
    assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    assertThat(r.message()).isEqualTo("emqx ctl status exited 0");
  }

  @Test
  void otherExitFailsWithTheLastErrorLine() {
    runner
        .expect("emqx", "ctl", "status")
        .exits(1)
        .printsError("Node emqx@127.0.0.1 not responding");

    ProbeResult r = run(List.of("emqx", "ctl", "status"), null);

    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message())
        .isEqualTo(
            "emqx ctl status exit 1: Node emqx@127.0.0.1 not responding (expected exit [0])");
  }

  @Test
  void expectExitListsEveryAcceptedStatus() {
    runner.expect("check").exits(3);

    assertThat(run(List.of("check"), List.of(0, 3)).verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void missingCommandIsUnknownAndTimeoutFails() {
    runner.expect("emqx", "ctl", "status").isMissing();
    runner.expect("emqx", "ctl", "status").timesOut();

    ProbeResult missing = run(List.of("emqx", "ctl", "status"), null);
    ProbeResult slow = run(List.of("emqx", "ctl", "status"), null);

    assertThat(missing.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(missing.message()).startsWith("command not found: emqx");
    assertThat(slow.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(slow.message()).isEqualTo("emqx ctl status timed out after 5s");
  }

  @Test
  void noCommandIsAConfigProblem() {
    ProbeResult r = run(List.of(), null);

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message()).startsWith("command probe: command is missing");
  }
}
