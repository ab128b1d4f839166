package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.CommandProbeSpec;
import org.watchdogmenu.model.HttpProbeSpec;
import org.watchdogmenu.model.ProbeSpec;
import org.watchdogmenu.model.Socks5ProbeSpec;
import org.watchdogmenu.model.TcpConnectProbeSpec;
import org.watchdogmenu.os.Host;

/**
 * A composite target where several probes hang against a server that accepts connections and never
 * answers: the run takes about one timeout, not their sum, and the healthy probe still passes.
 */
class ProbeSetIT {
  private static final Duration TIMEOUT = Duration.ofMillis(1500);

  @TempDir Path dir;
  private ServerSocket silent;
  private final List<Socket> held = new CopyOnWriteArrayList<>();
  private Host host;

  @BeforeEach
  void setUp() throws Exception {
    host = RealRoot.in(dir);
    silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    Thread acceptor =
        new Thread(
            () -> {
              try {
                while (true) {
                  held.add(silent.accept());
                }
              } catch (IOException e) {
                // closed
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void tearDown() throws IOException {
    RealRoot.unlink(dir);
    silent.close();
    for (Socket s : held) {
      s.close();
    }
  }

  @Test
  void hangingProbesCostOneTimeoutNotTheSum() {
    int port = silent.getLocalPort();
    List<ProbeSpec> specs =
        List.of(
            new HttpProbeSpec(
                "web", TIMEOUT, "http://127.0.0.1:" + port + "/health", null, null, null),
            new Socks5ProbeSpec(
                "tunnel", TIMEOUT, "127.0.0.1:" + port, "http://example.org/", null, null),
            new CommandProbeSpec("slow command", TIMEOUT, List.of("sleep", "30"), null),
            new TcpConnectProbeSpec("port", TIMEOUT, "127.0.0.1", port));

    long start = System.nanoTime();
    List<ProbeSet.Outcome> outcomes = ProbeSet.of(specs).run(Contexts.of(host));
    long ms = (System.nanoTime() - start) / 1_000_000;

    assertThat(outcomes)
        .extracting(o -> o.spec().name())
        .containsExactly("web", "tunnel", "slow command", "port");
    assertThat(outcomes)
        .extracting(o -> o.result().verdict())
        .containsExactly(Verdict.FAIL, Verdict.FAIL, Verdict.FAIL, Verdict.PASS);
    assertThat(outcomes.get(0).result().message()).contains("no answer from", "within 1500ms");
    assertThat(outcomes.get(1).result().message()).endsWith("no answer within 1500ms");
    assertThat(outcomes.get(2).result().message()).isEqualTo("sleep 30 timed out after 1500ms");
    assertThat(ProbeSet.allPassed(outcomes)).isFalse();
    assertThat(ms).as("wall time in ms").isBetween(1400L, 1500L + ProbeSet.MARGIN.toMillis());
  }
}
