package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.CpuProbeSpec;
import org.watchdogmenu.model.DataSize;
import org.watchdogmenu.model.MemoryProbeSpec;
import org.watchdogmenu.os.Host;

/** memory and cpu probes on real child processes: an idle sleep and a busy shell loop. */
class ProcessProbesIT {
  @TempDir Path dir;
  private Host host;
  private final List<Process> started = new ArrayList<>();
  private Path sleepLink;

  @BeforeEach
  void setUp() throws Exception {
    host = RealRoot.in(dir);
    Files.createDirectories(dir.resolve("run"));
  }

  @AfterEach
  void unlink() throws IOException {
    RealRoot.unlink(dir);
    if (sleepLink != null) {
      Files.deleteIfExists(sleepLink);
    }
  }

  @AfterEach
  void kill() throws InterruptedException {
    for (Process p : started) {
      p.destroyForcibly();
      p.waitFor(5, TimeUnit.SECONDS);
    }
  }

  /** Starts a process and writes its pid to /run/NAME.pid under the test root. */
  private Process start(String pidName, String... argv) throws IOException {
    Process p = new ProcessBuilder(argv).start();
    started.add(p);
    Files.writeString(dir.resolve("run/" + pidName + ".pid"), p.pid() + "\n");
    return p;
  }

  /** A sleep started under a unique name (a link to /bin/sleep), so only it matches the name. */
  private String uniqueSleep() throws IOException {
    String name = "wdm" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000000));
    sleepLink = Files.createSymbolicLink(dir.resolve(name), Path.of("/bin/sleep"));
    start("sleep", sleepLink.toString(), "60");
    return name;
  }

  private ProbeResult memory(String pidFile, String process, String max) {
    return Probes.of(new MemoryProbeSpec(null, null, pidFile, process, null, DataSize.parse(max)))
        .run(Contexts.of(host));
  }

  private ProbeResult cpu(String pidFile, int max, Duration span) {
    return Probes.of(new CpuProbeSpec(null, null, pidFile, null, null, max, span))
        .run(Contexts.of(host));
  }

  @Test
  void memoryOfARealProcessByPidFileAndByName() throws Exception {
    String name = uniqueSleep();

    ProbeResult byPid = memory("/run/sleep.pid", null, "1G");
    ProbeResult byName = memory(null, name, "1G");
    ProbeResult tooMuch = memory(null, name, "1K");

    assertThat(byPid.verdict()).isEqualTo(Verdict.PASS);
    assertThat(byPid.message())
        .matches("memory of process of /run/sleep.pid: \\d+ MB \\(limit 1024 MB\\)");
    assertThat(byName.verdict()).isEqualTo(Verdict.PASS);
    assertThat(byName.message()).startsWith("memory of process " + name + ": ");
    assertThat(tooMuch.verdict()).isEqualTo(Verdict.FAIL);

    kill();
    ProbeResult gone = memory(null, name, "1G");
    assertThat(gone.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(gone.message()).isEqualTo("process not running (no process named " + name + ")");
    assertThat(memory("/run/sleep.pid", null, "1G").message())
        .matches("process not running \\(pid \\d+ is gone\\)");
  }

  @Test
  void cpuOfABusyLoopIsHighAndOfASleepIsLow() throws Exception {
    uniqueSleep();
    start("busy", "sh", "-c", "while :; do :; done");
    Thread.sleep(200);

    // a low limit: on a loaded machine the loop gets only part of a core, a sleep none
    ProbeResult idle = cpu("/run/sleep.pid", 5, Duration.ZERO);
    ProbeResult busy = cpu("/run/busy.pid", 5, Duration.ZERO);

    assertThat(idle.verdict()).isEqualTo(Verdict.PASS);
    assertThat(idle.message()).isEqualTo("CPU of process of /run/sleep.pid: 0% (limit 5%)");
    assertThat(busy.verdict()).isEqualTo(Verdict.FAIL);
    Matcher m = Pattern.compile("CPU (\\d+)% for 0s \\(limit 5% for 0s\\)").matcher(busy.message());
    assertThat(m.matches()).as(busy.message()).isTrue();
    assertThat(Integer.parseInt(m.group(1))).isBetween(6, 110);
  }

  @Test
  void aBusyLoopIsNotStuckUntilTheSpanHasPassed() throws Exception {
    start("busy", "sh", "-c", "while :; do :; done");

    ProbeResult r = cpu("/run/busy.pid", 5, Duration.ofSeconds(60));

    assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    assertThat(r.message()).contains("not yet stuck (limit 5% for 60s)");
    assertThat(dir.resolve("var/lib/watchdog-menu/probes/t1/cpu-pid_file-_run_busy.pid.high-since"))
        .exists();
  }
}
