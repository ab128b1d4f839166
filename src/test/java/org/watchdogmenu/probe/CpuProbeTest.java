package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.CpuProbeSpec;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;

class CpuProbeTest {
  private static final long PID = 4242;

  @TempDir Path root;
  private final MutableClock clock = MutableClock.at("2025-02-14T10:30:00Z");
  private final ScriptedCommandRunner runner = new ScriptedCommandRunner();
  private final AtomicLong ticksPerSample = new AtomicLong();
  private final AtomicLong ticks = new AtomicLong(1000);
  private FakeProc proc;
  private Host host;

  @BeforeEach
  void setUp() throws IOException {
    proc = new FakeProc(root).process(PID, "node", "/usr/bin/node", 1000, ticks.get());
    Files.writeString(root.resolve("app.pid"), PID + "\n");
    // waiting moves the fake clock and lets the process burn the scripted CPU time meanwhile
    host =
        new Host(
            new HostRoot(root),
            runner,
            clock,
            d -> {
              clock.advance(d);
              try {
                proc.cpu(PID, ticks.addAndGet(ticksPerSample.get()));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            "root");
  }

  private ProbeResult run(Optional<Instant> notBefore) {
    return Probes.of(new CpuProbeSpec(null, null, "/app.pid", null, null, null, null))
        .run(Contexts.of(host, null, notBefore, null));
  }

  private Path marker() {
    return root.resolve("var/lib/watchdog-menu/probes/t1/cpu-pid_file-_app.pid.high-since");
  }

  @Test
  void measuresCpuOverHalfASecondOfTheHostClock() {
    ticksPerSample.set(20); // 0.2 s of CPU in 0.5 s

    ProbeResult r = run(Optional.empty());

    assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    assertThat(r.message()).isEqualTo("CPU of process of /app.pid: 40% (limit 90%)");
    assertThat(marker()).doesNotExist();
  }

  @Test
  void highCpuFailsOnlyOnceItStayedHighForTheWholeSpan() throws IOException {
    ticksPerSample.set(48); // 96%

    ProbeResult first = run(Optional.empty());
    assertThat(first.verdict()).isEqualTo(Verdict.PASS);
    assertThat(first.message()).isEqualTo("CPU 96% for 0s, not yet stuck (limit 90% for 60s)");
    assertThat(Files.readString(marker()).strip())
        .isEqualTo(Long.toString(Instant.parse("2025-02-14T10:30:00.500Z").getEpochSecond()));

    clock.advance(Duration.ofSeconds(30));
    ProbeResult second = run(Optional.empty());
    assertThat(second.verdict()).isEqualTo(Verdict.PASS);
    assertThat(second.message()).startsWith("CPU 96% for 31s, not yet stuck");

    clock.advance(Duration.ofSeconds(44));
    ProbeResult third = run(Optional.empty());
    assertThat(third.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(third.message()).isEqualTo("CPU 96% for 75s (limit 90% for 60s)");
  }

  @Test
  void aNormalSampleStartsTheCountAgain() {
    ticksPerSample.set(48);
    run(Optional.empty());
    assertThat(marker()).exists();

    clock.advance(Duration.ofSeconds(40));
    ticksPerSample.set(1);
    assertThat(run(Optional.empty()).message())
        .isEqualTo("CPU of process of /app.pid: 2% (limit 90%)");
    assertThat(marker()).doesNotExist();

    clock.advance(Duration.ofSeconds(40));
    ticksPerSample.set(48);
    assertThat(run(Optional.empty()).verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void aServiceStartAfterTheFirstHighSampleStartsTheCountAgain() {
    ticksPerSample.set(48);
    run(Optional.empty());
    clock.advance(Duration.ofSeconds(90));

    ProbeResult r = run(Optional.of(Instant.parse("2025-02-14T10:31:00Z")));

    assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    assertThat(r.message()).startsWith("CPU 96% for 0s");
  }

  @Test
  void aProcessThatIsNotRunningFailsAndForgetsTheHighCpu() throws IOException {
    ticksPerSample.set(48);
    run(Optional.empty());
    Files.writeString(root.resolve("app.pid"), "999\n");

    ProbeResult r = run(Optional.empty());

    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message()).isEqualTo("process not running (pid 999 is gone)");
    assertThat(marker()).doesNotExist();
  }

  @Test
  void readsPm2sOwnCpuMeasureForAPm2App() {
    runner.expect("pm2", "jlist").prints(Pm2Json.list(Pm2Json.app("codebox", "online", 7, 0, 99)));
    CpuProbeSpec spec = new CpuProbeSpec(null, null, null, null, "codebox", 90, Duration.ZERO);

    ProbeResult r = Probes.of(spec).run(Contexts.of(host));

    runner.verifyAllUsed();
    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message()).isEqualTo("CPU 99% for 0s (limit 90% for 0s)");
  }

  @Test
  void needsExactlyOneWayToFindTheProcess() {
    ProbeResult r =
        Probes.of(new CpuProbeSpec(null, null, "/app.pid", "node", null, null, null))
            .run(Contexts.of(host));

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message())
        .isEqualTo("cpu probe: set exactly one of pid_file, process or pm2_app (2 set)");
  }

  @Test
  void aMarkerThatIsALinkIsRefusedInOneLineAndNotFollowed() throws IOException {
    Path secret = Files.writeString(root.resolve("secret"), "1739500000\n");
    Files.createDirectories(marker().getParent());
    Files.createSymbolicLink(marker(), secret);
    ticksPerSample.set(48);

    ProbeResult r = run(Optional.empty());

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message())
        .isEqualTo(
            "cannot keep the CPU history in "
                + marker()
                + ": refusing "
                + marker()
                + ": it is a link, not a regular file");
    assertThat(Files.readString(secret)).isEqualTo("1739500000\n");
  }
}
