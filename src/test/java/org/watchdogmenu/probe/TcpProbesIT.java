package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.TcpConnectProbeSpec;
import org.watchdogmenu.model.TcpListenProbeSpec;
import org.watchdogmenu.os.Host;

/** tcp-listen (from the real kernel tables) and tcp-connect against real listeners. */
class TcpProbesIT {
  @TempDir Path dir;
  private Host host;

  @BeforeEach
  void setUp() throws Exception {
    host = RealRoot.in(dir);
  }

  @AfterEach
  void tearDown() throws Exception {
    RealRoot.unlink(dir);
  }

  private ProbeResult listen(int port, String on) {
    return Probes.of(new TcpListenProbeSpec(null, null, port, on)).run(Contexts.of(host));
  }

  private ProbeResult connect(int port) {
    return Probes.of(new TcpConnectProbeSpec(null, null, "127.0.0.1", port)).run(Contexts.of(host));
  }

  @Test
  void aRealListenerIsSeenUntilItCloses() throws Exception {
    int port;
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
      port = server.getLocalPort();
      assertThat(listen(port, null).verdict()).isEqualTo(Verdict.PASS);
      assertThat(listen(port, "127.0.0.1").message())
          .isEqualTo("listening on 127.0.0.1:" + port + " (127.0.0.1)");
      assertThat(listen(port, "127.0.0.2").verdict()).isEqualTo(Verdict.FAIL);
    }
    ProbeResult gone = listen(port, null);
    assertThat(gone.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(gone.message()).isEqualTo("nothing listens on port " + port);
  }

  @Test
  void aWildcardIpv6ListenerAcceptsOnLoopback() throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      assertThat(listen(server.getLocalPort(), "127.0.0.1").verdict()).isEqualTo(Verdict.PASS);
    }
  }

  @Test
  void connectPassesWhenUpAndFailsWhenDown() throws Exception {
    int port;
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
      port = server.getLocalPort();
      ProbeResult up = connect(port);
      assertThat(up.verdict()).isEqualTo(Verdict.PASS);
      assertThat(up.message()).matches("TCP connect to 127.0.0.1:" + port + " in \\d+ms");
    }
    ProbeResult down = connect(port);
    assertThat(down.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(down.message()).startsWith("connection refused by 127.0.0.1:" + port);
  }
}
