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

class Pm2ProbeTest {
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
  void onlineAppPassesEvenWhenPm2PrintsASpawnPreamble() throws Exception {
    daemonRuns("/root");
    runner
        .expect("pm2", "jlist")
        .prints(
            "[PM2] Spawning PM2 daemon with pm2_home=/root/.pm2\n"
                + "[PM2] PM2 Successfully daemonized\n"
                + Pm2Json.list(
                    Pm2Json.app("other", "online", 11, 1, 0),
                    Pm2Json.app("codebox", "online", 4242, 1, 0)));

    ProbeResult r = run(new Pm2ProbeSpec(null, null, null, null));

    runner.verifyAllUsed();
    assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    assertThat(r.message()).isEqualTo("pm2 app codebox is online (pid 4242, 2 restarts)");
  }

  @Test
  void noDaemonFailsWithoutRunningPm2() {
    ProbeResult r = run(new Pm2ProbeSpec(null, null, null, null));

    assertThat(runner.seen()).isEmpty();
    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message()).isEqualTo("PM2 daemon is not running");
  }

  @Test
  void stoppedAppFailsNamingItsStatusAndNeverShowsTheEnvironment() throws Exception {
    daemonRuns("/root");
    runner.expect("pm2", "jlist").prints(Pm2Json.list(Pm2Json.app("codebox", "errored", 0, 0, 0)));

    ProbeResult r = run(new Pm2ProbeSpec(null, null, null, null));

    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message()).isEqualTo("pm2 app codebox is errored").doesNotContain("hunter2");
  }

  @Test
  void missingAppFails() throws Exception {
    daemonRuns("/root");
    runner.expect("pm2", "jlist").prints("[]");

    ProbeResult r = run(new Pm2ProbeSpec(null, null, "api", null));

    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message()).isEqualTo("pm2 app api is not in pm2's list");
  }

  @Test
  void pm2NotInstalledIsUnknown() throws Exception {
    daemonRuns("/root");
    runner.expect("pm2", "jlist").isMissing();

    ProbeResult r = run(new Pm2ProbeSpec(null, null, null, null));

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message()).startsWith("pm2 not found");
  }

  @Test
  void aDaemonThatDoesNotAnswerFails() throws Exception {
    daemonRuns("/root");
    runner.expect("pm2", "jlist").timesOut();

    ProbeResult r = run(new Pm2ProbeSpec(null, null, null, null));

    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message()).isEqualTo("PM2 daemon did not answer within 5s");
  }

  @Test
  void anotherUsersPm2RunsThroughRunuserAndReadsThatUsersPidFile() throws Exception {
    new FakeProc(root)
        .process(4000, "PM2 v7.0.1: God", "PM2 v7.0.1: God Daemon", 1, 1)
        .owner(4000, 33);
    pidFile("/var/www", "4000\n");
    runner
        .expect("runuser", "-u", "www-data", "--", "pm2", "jlist")
        .prints(Pm2Json.list(Pm2Json.app("codebox", "online", 7, 0, 0)));

    ProbeResult r = run(new Pm2ProbeSpec(null, null, null, "www-data"));

    runner.verifyAllUsed();
    assertThat(r.verdict()).isEqualTo(Verdict.PASS);
  }

  @Test
  void noAppAnywhereIsAConfigProblem() {
    ProbeResult r = Probes.of(new Pm2ProbeSpec(null, null, null, null)).run(Contexts.of(host));

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message()).startsWith("pm2 probe: app is missing: set app");
  }

  @Test
  void aRootProcessInAnotherUsersPidFileIsNotTheirDaemon() throws Exception {
    new FakeProc(root).process(4000, "PM2 v7.0.1: God", "PM2 v7.0.1: God Daemon", 1, 1);
    pidFile("/var/www", "4000\n");

    ProbeResult r = runAs("www-data");

    assertThat(runner.seen()).isEmpty();
    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message())
        .isEqualTo(
            "PM2 daemon is not running (user www-data): pid 4000 in "
                + root.resolve("var/www/.pm2/pm2.pid")
                + " runs as root, not as www-data");
  }

  @Test
  void aPidReusedSinceThePidFileWasWrittenIsNotTheDaemon() throws Exception {
    FakeProc proc = new FakeProc(root).process(4000, "node", "node", 1, 1).owner(4000, 33);
    Path file = pidFile("/var/www", "4000\n");
    proc.started(4000, Files.getLastModifiedTime(file).toInstant().plusSeconds(120));

    ProbeResult r = runAs("www-data");

    assertThat(runner.seen()).isEmpty();
    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message()).endsWith("was reused by a process started after the file");
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aLinkToDevZeroAsThePidFileIsUnknownWithoutReadingIt() throws Exception {
    Path link = Files.createSymbolicLink(pm2Pid("/var/www"), Path.of("/dev/zero"));

    ProbeResult r = runAs("www-data");

    assertThat(runner.seen()).isEmpty();
    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message()).isEqualTo("refusing " + link + ": it is a link, not a regular file");
  }

  @Test
  void aPidFileWithoutAPidIsUnknownAndNotRepeated() throws Exception {
    pidFile("/var/www", "4000\u001b[2J; rm -rf /\n");

    ProbeResult r = runAs("www-data");

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message())
        .startsWith("refusing pid file ")
        .contains("it holds no pid (")
        .doesNotContain("rm -rf")
        .doesNotContain("\u001b");
  }
}
