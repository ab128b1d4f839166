package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.DataSize;
import org.watchdogmenu.model.MemoryProbeSpec;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;
import org.watchdogmenu.os.TestHosts;

class MemoryProbeTest {
  @TempDir Path root;
  private final ScriptedCommandRunner runner = new ScriptedCommandRunner();
  private Host host;

  @BeforeEach
  void setUp() throws IOException {
    host = TestHosts.scripted(root, runner, MutableClock.at("2025-02-14T10:30:00Z"));
    new FakeProc(root)
        .process(100, "nginx", "nginx: master process /usr/sbin/nginx", 300 * 1024, 0)
        .process(101, "nginx", "nginx: worker process", 200 * 1024, 0)
        .process(102, "gunicorn", "/opt/venv/bin/gunicorn", 50 * 1024, 0)
        .process(103, "python3", "/opt/venv/bin/gunicorn", 70 * 1024, 0)
        .process(104, "kworker/0:1", "", 0, 0);
  }

  private ProbeResult run(String pidFile, String process, String pm2App, String max) {
    return Probes.of(new MemoryProbeSpec(null, null, pidFile, process, pm2App, DataSize.parse(max)))
        .run(Contexts.of(host));
  }

  @Test
  void readsTheRssOfThePidInThePidFile() throws IOException {
    Files.createDirectories(root.resolve("run"));
    Files.writeString(root.resolve("run/nginx.pid"), "100\n");

    ProbeResult ok = run("/run/nginx.pid", null, null, "1G");
    ProbeResult high = run("/run/nginx.pid", null, null, "256M");

    assertThat(ok.verdict()).isEqualTo(Verdict.PASS);
    assertThat(ok.message())
        .isEqualTo("memory of process of /run/nginx.pid: 300 MB (limit 1024 MB)");
    assertThat(high.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(high.message())
        .isEqualTo("memory of process of /run/nginx.pid: 300 MB (limit 256 MB)");
  }

  @Test
  void addsUpEveryProcessOfTheNameByCommOrArgv0() {
    assertThat(run(null, "nginx", null, "1G").message())
        .isEqualTo("memory of process nginx: 500 MB (limit 1024 MB)");
    assertThat(run(null, "gunicorn", null, "1G").message())
        .isEqualTo("memory of process gunicorn: 120 MB (limit 1024 MB)");
  }

  @Test
  void noSuchProcessFailsAsNotRunning() throws IOException {
    assertThat(run(null, "redis-server", null, "1G").message())
        .isEqualTo("process not running (no process named redis-server)");
    assertThat(run("/run/none.pid", null, null, "1G").message())
        .isEqualTo("process not running (no pid file /run/none.pid)");
    Files.writeString(root.resolve("stale.pid"), "31337");
    ProbeResult stale = run("/stale.pid", null, null, "1G");
    assertThat(stale.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(stale.message()).isEqualTo("process not running (pid 31337 is gone)");
  }

  @Test
  void aPidFileWithoutAPidIsUnknown() throws IOException {
    Files.writeString(root.resolve("bad.pid"), "hello");

    ProbeResult r = run("/bad.pid", null, null, "1G");

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message())
        .isEqualTo(
            "refusing pid file "
                + root.resolve("bad.pid")
                + ": it holds no pid (5 bytes that are not one whole number from 1 to 4194304)")
        .doesNotContain("hello");
  }

  @Test
  void readsPm2sMemoryForAPm2App() {
    runner
        .expect("pm2", "jlist")
        .prints(Pm2Json.list(Pm2Json.app("codebox", "online", 7, 1536L * 1024 * 1024, 3)));
    runner.expect("pm2", "jlist").prints(Pm2Json.list(Pm2Json.app("codebox", "stopped", 0, 0, 0)));

    ProbeResult high = run(null, null, "codebox", "1G");
    ProbeResult stopped = run(null, null, "codebox", "1G");

    runner.verifyAllUsed();
    assertThat(high.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(high.message()).isEqualTo("memory of pm2 app codebox: 1536 MB (limit 1024 MB)");
    assertThat(stopped.message()).isEqualTo("process not running (pm2 app codebox is stopped)");
  }
}
