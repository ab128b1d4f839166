package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.CloseWaitProbeSpec;
import org.watchdogmenu.os.Host;

/**
 * Real CLOSE-WAIT connections: a server that accepts and never closes, and clients that close. The
 * server's ends of those connections wait in CLOSE-WAIT, the leak of seed 000.
 */
class CloseWaitProbeIT {
  @TempDir Path dir;
  private ServerSocket server;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private Host host;

  @BeforeEach
  void setUp() throws Exception {
    host = RealRoot.in(dir);
    server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    Thread acceptor =
        new Thread(
            () -> {
              try {
                while (true) {
                  accepted.add(server.accept());
                }
              } catch (IOException e) {
                // the server was closed
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void tearDown() throws IOException {
    RealRoot.unlink(dir);
    server.close();
    for (Socket s : accepted) {
      s.close();
    }
  }

  private void leak(int connections) throws IOException {
    for (int i = 0; i < connections; i++) {
      new Socket("127.0.0.1", server.getLocalPort()).close();
    }
  }

  private ProbeResult probeUntil(String expected) throws InterruptedException {
    CloseWaitProbeSpec spec = new CloseWaitProbeSpec(null, null, List.of(server.getLocalPort()), 5);
    ProbeResult r = null;
    for (int i = 0; i < 60; i++) {
      r = Probes.of(spec).run(Contexts.of(host));
      if (r.message().equals(expected)) {
        return r;
      }
      Thread.sleep(50);
    }
    return r;
  }

  @Test
  void countsRealCloseWaitConnectionsAndFailsAtTheLimit() throws Exception {
    int port = server.getLocalPort();
    Socket open = new Socket("127.0.0.1", port);
    leak(2);

    ProbeResult few = probeUntil("CLOSE-WAIT port " + port + ": 2 (limit 5)");
    assertThat(few.message()).isEqualTo("CLOSE-WAIT port " + port + ": 2 (limit 5)");
    assertThat(few.verdict()).isEqualTo(Verdict.PASS);

    leak(3);
    ProbeResult leaking = probeUntil("CLOSE-WAIT port " + port + ": 5 (limit 5)");
    assertThat(leaking.message()).isEqualTo("CLOSE-WAIT port " + port + ": 5 (limit 5)");
    assertThat(leaking.verdict()).isEqualTo(Verdict.FAIL);
    open.close();
  }
}
