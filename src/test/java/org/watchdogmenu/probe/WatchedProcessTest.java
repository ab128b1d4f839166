package org.watchdogmenu.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
class WatchedProcessTest {
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
  void byNameOnlyTheServiceUsersProcessesCount() {
    ProbeResult www = memory(command("www-data"), null, "node");
    ProbeResult unbound = memory(null, null, "node");

    assertThat(www.message()).isEqualTo("memory of process node: 50 MB (limit 1024 MB)");
    assertThat(unbound.message()).isEqualTo("memory of process node: 350 MB (limit 1024 MB)");
  }

  @Test
  void byNameAnotherUsersProcessesAreNotTheService() {
    ProbeResult r = memory(command("daemon"), null, "node");

    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message())
        .isEqualTo("process not running (no process named node among daemon's processes)");
  }

  @Test
  void aPidFileNamingARootProcessForAUserServiceIsRefused() throws IOException {
    pidFile("100\n");

    ProbeResult r = memory(command("www-data"), "/run/app.pid", null);

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message())
        .isEqualTo(
            "refusing pid 100 from /run/app.pid (root): it runs as root, not as www-data,"
                + " the service's user");
  }

  @Test
  void aPidFileNamingTheUsersProcessIsMeasured() throws IOException {
    pidFile("101\n");

    ProbeResult r = memory(command("www-data"), "/run/app.pid", null);

    assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    assertThat(r.message()).isEqualTo("memory of process of /run/app.pid: 20 MB (limit 1024 MB)");
  }

  @Test
  void aPidReusedSinceThePidFileWasWrittenIsAProcessThatIsNotRunning() throws IOException {
    Path file = pidFile("101\n");
    proc.started(101, Files.getLastModifiedTime(file).toInstant().plusSeconds(120));

    ProbeResult r = memory(command("www-data"), "/run/app.pid", null);

    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message())
        .isEqualTo(
            "process not running (pid 101 of /run/app.pid was reused by a process started after"
                + " the pid file)");
  }

  @Test
  void aZombieIsAProcessThatIsNotRunning() throws IOException {
    pidFile("101\n");
    proc.zombie(101);

    ProbeResult r = memory(command("www-data"), "/run/app.pid", null);

    assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(r.message()).isEqualTo("process not running (pid 101 is gone)");
  }

  @Test
  @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aLinkAsPidFileIsUnknownAndNotFollowed() throws IOException {
    Path link = Files.createSymbolicLink(root.resolve("run/app.pid"), Path.of("/dev/zero"));

    ProbeResult r = memory(command("www-data"), "/run/app.pid", null);

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message()).isEqualTo("refusing " + link + ": it is a link, not a regular file");
  }

  @Test
  void aLargePidFileIsUnknownWithoutReadingItAll() throws IOException {
    Path big = pidFile("1".repeat(100_000));

    ProbeResult r = memory(command("www-data"), "/run/app.pid", null);

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message()).isEqualTo("refusing pid file " + big + ": it is larger than 64 bytes");
  }

  @Test
  void aRootRunServiceTakesOnlyARootOwnedPidFileInARootFolder() throws Exception {
    Path file = pidFile("100\n");
    assertThat(memory(command(null), "/run/app.pid", null).verdict()).isEqualTo(Verdict.PASS);

    Files.setOwner(
        file,
        root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("www-data"));
    ProbeResult foreign = memory(command(null), "/run/app.pid", null);
    assertThat(foreign.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(foreign.message())
        .startsWith(
            "refusing pid file " + file + ": it belongs to www-data and the service runs as root;");

    Files.delete(file);
    pidFile("100\n");
    Files.setPosixFilePermissions(
        root.resolve("run"), PosixFilePermissions.fromString("rwxrwxrwx"));
    ProbeResult shared = memory(command(null), "/run/app.pid", null);
    assertThat(shared.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(shared.message())
        .startsWith(
            "refusing pid file " + file + ": " + root.resolve("run") + " is writable by everyone;");
  }

  @Test
  void aSystemdUnitsProcessesAreThoseInItsControlGroup() throws IOException {
    proc.cgroup(100, "/system.slice/node-app.service")
        .cgroup(101, "/user.slice/user-33.slice/session-4.scope");
    pidFile("101\n");

    ProbeResult byName = memory(systemd("node-app"), null, "node");
    ProbeResult byPid = memory(systemd("node-app"), "/run/app.pid", null);

    assertThat(byName.message()).isEqualTo("memory of process node: 300 MB (limit 1024 MB)");
    assertThat(byPid.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(byPid.message())
        .isEqualTo(
            "refusing pid 101 from /run/app.pid (www-data): it is not in node-app.service's"
                + " control group (it is in /user.slice/user-33.slice/session-4.scope)");
  }

  @Test
  void aServiceUserThatDoesNotExistIsUnknown() {
    ProbeResult r = memory(command("no-such-account-x"), null, "node");

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.message())
        .isEqualTo(
            "cannot list processes: refusing to look for no-such-account-x's processes: there is"
                + " no account no-such-account-x");
  }
}
