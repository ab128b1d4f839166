package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.CloseWaitProbeSpec;
import org.watchdogmenu.model.TcpListenProbeSpec;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

/** tcp-listen and close-wait against hand-written kernel TCP tables. */
class TcpTablesTest {
  private static final String LOOPBACK = "0100007F";
  private static final String ANY = "00000000";
  private static final String V6_LOOPBACK = "00000000000000000000000001000000";
  private static final String V6_MAPPED_10_0_0_5 = "0000000000000000FFFF00000500000A";

  @TempDir Path root;
  private FakeProc proc;
  private Host host;

  @BeforeEach
  void setUp() {
    proc = new FakeProc(root);
    host =
        TestHosts.scripted(
            root, new ScriptedCommandRunner(), MutableClock.at("2025-02-14T10:30:00Z"));
  }

  private ProbeResult listen(int port, String host) {
    return Probes.of(new TcpListenProbeSpec(null, null, port, host)).run(Contexts.of(this.host));
  }

  @Test
  void findsListenersInBothTablesAndMatchesTheHost() throws IOException {
    proc.tcp(
        "tcp",
        FakeProc.row(0, LOOPBACK, 8883, 0x0A),
        FakeProc.row(1, ANY, 3478, 0x0A),
        FakeProc.row(2, LOOPBACK, 5000, 0x01));
    proc.tcp(
        "tcp6",
        FakeProc.row(0, V6_LOOPBACK, 5349, 0x0A),
        FakeProc.row(1, V6_MAPPED_10_0_0_5, 8443, 0x0A));

    assertThat(listen(8883, null).message()).isEqualTo("listening on port 8883 (127.0.0.1)");
    assertThat(listen(8883, "127.0.0.1").verdict()).isEqualTo(Verdict.PASS);
    assertThat(listen(8883, "10.0.0.5").verdict()).isEqualTo(Verdict.FAIL);
    assertThat(listen(3478, "10.0.0.5").verdict())
        .as("wildcard accepts on any address")
        .isEqualTo(Verdict.PASS);
    assertThat(listen(5349, "::1").verdict()).isEqualTo(Verdict.PASS);
    assertThat(listen(8443, "10.0.0.5").verdict())
        .as("IPv4-mapped listener")
        .isEqualTo(Verdict.PASS);
    ProbeResult established = listen(5000, null);
    assertThat(established.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(established.message()).isEqualTo("nothing listens on port 5000");
  }

  @Test
  void noTablesIsUnknownAndAMissingPortIsAConfigProblem() {
    assertThat(listen(80, null).verdict()).isEqualTo(Verdict.UNKNOWN);
    ProbeResult noPort =
        Probes.of(new TcpListenProbeSpec(null, null, null, null)).run(Contexts.of(host));
    assertThat(noPort.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(noPort.message())
        .isEqualTo("tcp-listen probe: port is missing: set port, e.g. 8080");
  }

  @Test
  void closeWaitFailsWhenAPortReachesMax() throws IOException {
    proc.tcp(
        "tcp",
        FakeProc.row(0, ANY, 5000, 0x0A),
        FakeProc.row(1, LOOPBACK, 5000, 0x08),
        FakeProc.row(2, LOOPBACK, 5000, 0x08),
        FakeProc.row(3, LOOPBACK, 8443, 0x08),
        FakeProc.row(4, LOOPBACK, 9999, 0x08));
    proc.tcp(
        "tcp6",
        FakeProc.row(0, V6_LOOPBACK, 5000, 0x08),
        FakeProc.row(1, V6_LOOPBACK, 5000, 0x08),
        FakeProc.row(2, V6_LOOPBACK, 5000, 0x01));

    ProbeResult atFour =
        Probes.of(new CloseWaitProbeSpec(null, null, List.of(5000, 8443), 5))
            .run(Contexts.of(host));
    ProbeResult atMax =
        Probes.of(new CloseWaitProbeSpec(null, null, List.of(5000, 8443), 4))
            .run(Contexts.of(host));

    assertThat(atFour.verdict()).isEqualTo(Verdict.PASS);
    assertThat(atFour.message()).isEqualTo("CLOSE-WAIT port 5000: 4, port 8443: 1 (limit 5)");
    assertThat(atMax.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(atMax.message()).isEqualTo("CLOSE-WAIT port 5000: 4, port 8443: 1 (limit 4)");
  }
}
