package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.CpuProbeSpec;
import org.watchdogmenu.model.MemoryProbeSpec;
import org.watchdogmenu.model.Pm2ProbeSpec;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.Pm2;

/**
 * The pm2, memory and cpu probes against a real pm2 app of the current user: a throwaway node
 * script under a unique name, deleted afterwards (and pm2's daemon stopped if the test started it).
 */
class Pm2ProbeIT {
  @TempDir Path dir;
  private Host host;
  private String app;
  private boolean daemonWasRunning;

  @BeforeEach
  void setUp() throws Exception {
    RequiredTool.find("pm2");
    RequiredTool.find("node");
    host = RealRoot.in(dir);
    daemonWasRunning = new Pm2(Host.system(HostRoot.SYSTEM), "pm2", null).daemonRunning();
    app = "wdm-it-" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
    Path script = dir.resolve("app.js");
    Files.writeString(script, "setInterval(() => {}, 1000);\n");
    pm2("start", script.toString(), "--name", app);
  }

  @AfterEach
  void tearDown() throws Exception {
    RealRoot.unlink(dir);
    pm2("delete", app);
    if (!daemonWasRunning) {
      pm2("kill");
    }
  }

  private static String pm2(String... args) throws Exception {
    List<String> argv = new ArrayList<>(List.of("pm2"));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("pm2 %s finished", args[0]).isTrue();
    return out;
  }

  private ProbeContext context() {
    return Contexts.of(host, Contexts.pm2Service(app, null), Optional.empty(), null);
  }

  @Test
  void anOnlineAppPassesAndAStoppedOneFailsNamingItsStatus() throws Exception {
    ProbeResult online = Probes.of(new Pm2ProbeSpec(null, null, null, null)).run(context());
    assertThat(online.verdict()).as(online.message()).isEqualTo(Verdict.PASS);
    assertThat(online.message())
        .matches("pm2 app " + app + " is online \\(pid \\d+, 0 restarts\\)");

    pm2("stop", app);
    ProbeResult stopped = Probes.of(new Pm2ProbeSpec(null, null, null, null)).run(context());
    assertThat(stopped.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(stopped.message()).isEqualTo("pm2 app " + app + " is stopped");

    ProbeResult missing = Probes.of(new Pm2ProbeSpec(null, null, app + "-x", null)).run(context());
    assertThat(missing.message()).isEqualTo("pm2 app " + app + "-x is not in pm2's list");
  }

  @Test
  void memoryAndCpuOfTheAppComeFromPm2() {
    ProbeResult memory =
        Probes.of(new MemoryProbeSpec(null, null, null, null, app, null)).run(context());
    ProbeResult cpu =
        Probes.of(new CpuProbeSpec(null, null, null, null, app, null, null)).run(context());

    assertThat(memory.verdict()).as(memory.message()).isEqualTo(Verdict.PASS);
    assertThat(memory.message())
        .matches("memory of pm2 app " + app + ": \\d+ MB \\(limit 1024 MB\\)");
    assertThat(cpu.verdict()).as(cpu.message()).isEqualTo(Verdict.PASS);
    assertThat(cpu.message()).matches("CPU of pm2 app " + app + ": \\d+% \\(limit 90%\\)");
  }

  @Test
  void aUserWithoutADaemonFailsWithoutStartingOne() {
    ProbeResult r = Probes.of(new Pm2ProbeSpec(null, null, null, "nobody")).run(context());

    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message()).isEqualTo("PM2 daemon is not running (user nobody)");
  }
}
