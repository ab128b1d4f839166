package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.catalog.Setting;
import org.watchdogmenu.catalog.TargetFile;
import org.watchdogmenu.catalog.TargetFiles;
import org.watchdogmenu.model.TcpListenProbeSpec;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.MutableClock;
import org.watchdogmenu.os.ScriptedCommandRunner;

/** A site target file through plan, apply, doctor and undo, like every other file we write. */
class TargetFilePlanTest {
  private final MutableClock clock = MutableClock.at("2026-12-01T12:00:00Z");
  private static final Applier.Options NO = new Applier.Options(false);
  private static final String FILE = "/etc/watchdog-menu/targets/waterwall-client.yaml";

  @TempDir Path dir;
  private Host host;
  private InstallTools installer;

  @BeforeEach
  void setUp() {
    host = new Host(new HostRoot(dir), new ScriptedCommandRunner(), clock, clock, "root");
    installer = new InstallTools(host);
  }

  private TargetFile set(String... pairs) {
    return new TargetFiles(Catalog.load(host.root()))
        .set("waterwall-client", List.of(pairs).stream().map(Setting::parse).toList());
  }

  private Catalog catalog() {
    return Catalog.load(host.root());
  }

  @Test
  void thePlanWritesExactlyTheFileAndUndoTakesItAway() throws Exception {
    Plan plan = installer.planner().targetFile(set("probes.1.port=9090"));

    assertThat(plan.commandLine())
        .isEqualTo(
            "watchdog-menu --root " + dir + " target set waterwall-client probes.1.port=9090");
    assertThat(plan.writes()).hasSize(1);
    FileWrite w = plan.writes().get(0);
    assertThat(w.path()).isEqualTo(FILE);
    assertThat(w.kind()).isEqualTo(FileKind.TARGET);
    assertThat(List.of(w.mode(), w.owner(), w.group())).containsExactly("0644", "root", "root");
    assertThat(plan.removals()).isEmpty();
    assertThat(plan.commands()).isEmpty();
    assertThat(plan.preview())
        .contains("create  " + FILE + "  (0644 root:root)")
        .contains("+    port: 9090")
        .contains("WARNING: 'probes' is written whole");

    installer.applier().apply(plan, NO);
    Path file = host.root().resolve(FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r--r--");
    assertThat(((TcpListenProbeSpec) catalog().target("waterwall-client").probes().get(1)).port())
        .isEqualTo(9090);
    assertThat(new Doctor(host).check()).isEmpty();

    installer.applier().apply(installer.planner().undo(), NO);
    assertThat(file).doesNotExist();
    assertThat(((TcpListenProbeSpec) catalog().target("waterwall-client").probes().get(1)).port())
        .isEqualTo(8080);
  }

  @Test
  void aFileWrittenByHandIsReplacedAndUndoPutsItBack() throws Exception {
    Path file = host.root().resolve(FILE);
    Files.createDirectories(file.getParent());
    String mine = "# mine\nid: waterwall-client\npolicy:\n  cooldown: 5m\n";
    Files.writeString(file, mine);

    Plan plan = installer.planner().targetFile(set("policy.cooldown=90s"));
    assertThat(plan.preview())
        .contains("replace " + FILE)
        .contains("-  cooldown: 5m", "+  cooldown: 90s");
    installer.applier().apply(plan, NO);
    assertThat(Files.readString(file)).isEqualTo(mine.replace("5m", "90s"));
    assertThat(catalog().target("waterwall-client").policy().cooldown())
        .isEqualTo(Duration.ofSeconds(90));

    installer.applier().apply(installer.planner().undo(), NO);
    assertThat(Files.readString(file)).isEqualTo(mine);
  }

  @Test
  void theApplierReadsTheFileBackWithTheFilesAsTheyAreThen() throws Exception {
    Plan plan = installer.planner().targetFile(set("paths.state=/var/tmp/ww-shared.txt"));
    Path other = host.root().resolve("/etc/watchdog-menu/targets/other.yaml");
    Files.createDirectories(other.getParent());
    Files.writeString(
        other,
        "id: other\nservice: {kind: systemd, unit: other}\npaths: {state: /var/tmp/ww-shared.txt}\n");

    assertThatThrownBy(() -> installer.applier().apply(plan, NO))
        .isInstanceOf(InstallException.class)
        .hasMessageContaining(
            "/etc/watchdog-menu/targets/other.yaml line 3: 'paths.state' is also the state file of"
                + " 'waterwall-client'");
    assertThat(host.root().resolve(FILE)).doesNotExist();
  }

  @Test
  void aChangeToWhatIsAlreadyThereIsAnEmptyPlan() throws Exception {
    installer.applier().apply(installer.planner().targetFile(set("policy.retries=4")), NO);

    Plan again = installer.planner().targetFile(set("policy.retries=4"));

    assertThat(again.isEmpty()).isTrue();
    assertThat(again.preview()).contains("Nothing to change");
  }
}
