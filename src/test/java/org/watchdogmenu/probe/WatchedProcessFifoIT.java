package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.CommandService;
import org.watchdogmenu.model.DataSize;
import org.watchdogmenu.model.MemoryProbeSpec;
import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.model.SystemdService;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

/**
 * Which processes a memory or cpu probe measures: only the service's (its user's, its unit's), a
 * pid file read without following a link or opening a FIFO, a reused pid counted as gone.
 */
class WatchedProcessFifoIT {
  private static final int WWW = 33;

  @TempDir Path root;
  private Host host;
  private FakeProc proc;

  @BeforeEach
  void setUp() throws IOException {
    host =
        TestHosts.scripted(
            root, new ScriptedCommandRunner(), MutableClock.at("2025-02-14T10:30:00Z"));
    proc =
        new FakeProc(root)
            .process(100, "node", "/usr/bin/node", 300 * 1024, 0)
            .process(101, "node", "/usr/bin/node", 20 * 1024, 0)
            .owner(101, WWW)
            .process(102, "node", "/usr/bin/node", 30 * 1024, 0)
            .owner(102, WWW);
    Files.createDirectories(root.resolve("run"));
  }

  private static ServiceSpec command(String user) {
    return new CommandService(List.of("/bin/true"), user);
  }

  private static ServiceSpec systemd(String unit) {
    return new SystemdService(unit);
  }

  private ProbeResult memory(ServiceSpec service, String pidFile, String process) {
    return Probes.of(new MemoryProbeSpec(null, null, pidFile, process, null, DataSize.parse("1G")))
        .run(Contexts.of(host, service, Optional.empty(), null));
  }

  private Path pidFile(String content) throws IOException {
    return Files.writeString(root.resolve("run/app.pid"), content);
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFifoAsPidFileIsUnknownAtOnce() throws Exception {
    Path fifo = root.resolve("run/app.pid");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

    long t0 = System.nanoTime();
    ProbeResult r = memory(command("www-data"), "/run/app.pid", null);

    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3_000L);
    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message()).isEqualTo("refusing " + fifo + ": it is a FIFO, not a regular file");
  }
}
