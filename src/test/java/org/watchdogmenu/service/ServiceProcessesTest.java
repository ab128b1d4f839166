package org.watchdogmenu.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.CommandService;
import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.model.SystemdUserService;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.ProcTable;
import org.watchdogmenu.probe.FakeProc;

/** The owner rule on a fake {@code /proc}: which processes are a service's. */
class ServiceProcessesTest {
  private static final int WWW = 33;

  @TempDir Path root;
  private FakeProc proc;

  @BeforeEach
  void setUp() throws IOException {
    proc =
        new FakeProc(root)
            .process(100, "sleep", "/bin/sleep", 1, 0)
            .process(101, "sleep", "/bin/sleep", 1, 0)
            .owner(101, WWW)
            .process(102, "sleep", "/usr/bin/sleep", 1, 0)
            .owner(102, WWW)
            .process(103, "bash", "/bin/bash", 1, 0)
            .owner(103, WWW);
  }

  private ServiceProcesses of(ServiceSpec service) {
    return ServiceProcesses.of(new HostRoot(root), service);
  }

  private static ServiceSpec command(String user) {
    return new CommandService(List.of("/bin/true"), user);
  }

  private static List<Long> pids(List<ProcTable.Proc> procs) {
    return procs.stream().map(ProcTable.Proc::pid).toList();
  }

  @Test
  void byNameAUserServiceHasOnlyThatUsersProcesses() throws IOException {
    ServiceProcesses www = of(command("www-data"));

    assertThat(pids(www.named("sleep", true))).containsExactly(101L, 102L);
    assertThat(pids(www.named("sleep", false))).containsExactly(101L, 102L);
    assertThat(www.named("bash", true)).extracting(ProcTable.Proc::pid).containsExactly(103L);
    assertThat(www.whose()).isEqualTo("www-data's");
  }

  @Test
  void byNameARootRunServiceKillsOnlyRootsButMeasuresAll() throws IOException {
    ServiceProcesses rootRun = of(command(null));

    assertThat(rootRun.rootRun()).isTrue();
    assertThat(pids(rootRun.named("sleep", true))).containsExactly(100L);
    assertThat(pids(rootRun.named("sleep", false))).containsExactly(100L, 101L, 102L);
  }

  @Test
  void aSetuidProcessIsNotTheUsersAlone() throws IOException {
    Files.writeString(
        root.resolve("proc/102/status"),
        Files.readString(root.resolve("proc/102/status"))
            .replace("Uid:\t33\t33\t33\t33", "Uid:\t33\t0\t0\t0"));

    ServiceProcesses www = of(command("www-data"));

    assertThat(pids(www.named("sleep", true))).containsExactly(101L);
    ProcTable.Proc setuid = new ProcTable(new HostRoot(root)).get(102).orElseThrow();
    assertThat(setuid.ownerWords()).isEqualTo("www-data (effective root)");
    assertThat(www.mayFollow(setuid)).isFalse();
  }

  @Test
  void zombiesAreNotRunning() throws IOException {
    proc.zombie(101);

    assertThat(pids(of(command("www-data")).named("sleep", true))).containsExactly(102L);
  }

  @Test
  void aUserUnitNeedsTheUserAndTheUnitsControlGroup() throws IOException {
    String unitGroup = "/user.slice/user-33.slice/user@33.service/app.slice/web.service";
    proc.cgroup(100, unitGroup).cgroup(101, unitGroup).cgroup(102, "/user.slice/other.scope");

    ServiceProcesses web = of(new SystemdUserService("web", "www-data"));

    assertThat(pids(web.named("sleep", true))).containsExactly(101L);
    assertThat(web.whose()).isEqualTo("www-data's in web.service");
  }

  @Test
  void belowARootRunServiceEveryChildFollowsBelowAUserServiceOnlyTheirs() {
    ProcTable table = new ProcTable(new HostRoot(root));
    ProcTable.Proc rootChild = table.get(100).orElseThrow();

    assertThat(of(command(null)).mayFollow(rootChild)).isTrue();
    assertThat(of(command("www-data")).mayFollow(rootChild)).isFalse();
    assertThat(of(command("www-data")).mayFollow(table.get(101).orElseThrow())).isTrue();
  }

  @Test
  void unitNamesAreReadAsSystemctlReadsThem() {
    assertThat(ServiceProcesses.unitName("nginx")).isEqualTo("nginx.service");
    assertThat(ServiceProcesses.unitName("app@1")).isEqualTo("app@1.service");
    assertThat(ServiceProcesses.unitName("web.socket")).isEqualTo("web.socket");
    assertThat(ServiceProcesses.unitName("paqet-server.service")).isEqualTo("paqet-server.service");
  }
}
