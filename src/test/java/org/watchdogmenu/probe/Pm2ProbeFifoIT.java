package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.Pm2ProbeSpec;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

class Pm2ProbeFifoIT {
  @TempDir Path root;
  private final ScriptedCommandRunner runner = new ScriptedCommandRunner();
  private Host host;

  @BeforeEach
  void setUp() {
    host = TestHosts.scripted(root, runner, MutableClock.at("2025-02-14T10:30:00Z"));
  }

  /** A live pid in the pm2 pid file of root (the test host's current user). */
  private void daemonRuns(String home) throws Exception {
    pidFile(home, ProcessHandle.current().pid() + "\n");
  }

  private Path pidFile(String home, String content) throws Exception {
    Path pidFile = root.resolve(home.substring(1)).resolve(".pm2/pm2.pid");
    Files.createDirectories(pidFile.getParent());
    Files.writeString(pidFile, content);
    return pidFile;
  }

  private Path pm2Pid(String home) throws Exception {
    Path pidFile = root.resolve(home.substring(1)).resolve(".pm2/pm2.pid");
    Files.createDirectories(pidFile.getParent());
    return pidFile;
  }

  private ProbeResult runAs(String user) {
    return Probes.of(new Pm2ProbeSpec(null, null, null, user))
        .run(Contexts.of(host, Contexts.pm2Service("codebox", null), Optional.empty(), null));
  }

  private ProbeResult run(Pm2ProbeSpec spec) {
    return Probes.of(spec)
        .run(Contexts.of(host, Contexts.pm2Service("codebox", null), Optional.empty(), null));
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFifoAsThePidFileIsUnknownAtOnceWithoutRunningPm2() throws Exception {
    Path fifo = pm2Pid("/var/www");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mk.waitFor()).isZero();

    long t0 = System.nanoTime();
    ProbeResult r = runAs("www-data");

    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3_000L);
    assertThat(runner.seen()).isEmpty();
    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message())
        .isEqualTo("refusing " + fifo + ": it is a FIFO, not a regular file")
        .doesNotContain("\n");
  }
}
