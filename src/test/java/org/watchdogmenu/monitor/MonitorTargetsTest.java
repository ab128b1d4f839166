package org.watchdogmenu.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.HostRoot;

class MonitorTargetsTest {
  @TempDir Path dir;

  @Test
  void theListFileNamesTheTargetsAndAnInvalidTargetKeepsItsLastGoodSettings() throws Exception {
    HostRoot root = new HostRoot(dir);
    write("etc/watchdog-menu/monitor.yaml", "targets: [web, api]\n");
    write("etc/watchdog-menu/targets/web.yaml", target("web", "5s"));
    MonitoredTargets targets = new MonitoredTargets(root, List.of(), TargetCompiler.inProcess());

    assertThat(targets.reload())
        .singleElement()
        .asString()
        .startsWith("api: not monitored: unknown target 'api'");
    assertThat(targets.current()).containsOnlyKeys("web");

    write("etc/watchdog-menu/targets/web.yaml", target("web", "5s") + "colour: red\n");
    assertThat(targets.reload())
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("web: keeping the last good settings: ")
                    .contains("/etc/watchdog-menu/targets/web.yaml")
                    .contains("colour"));
    assertThat(targets.current().get("web").policy().interval()).isEqualTo(Duration.ofSeconds(5));

    write("etc/watchdog-menu/targets/web.yaml", target("web", "7s"));
    targets.reload();
    assertThat(targets.current().get("web").policy().interval()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void namedTargetsWinOverTheListAndABrokenListKeepsTheLastOne() throws Exception {
    HostRoot root = new HostRoot(dir);
    write("etc/watchdog-menu/targets/web.yaml", target("web", "5s"));
    write("etc/watchdog-menu/targets/api.yaml", target("api", "5s"));
    write("etc/watchdog-menu/monitor.yaml", "targets: [web]\n");
    assertThat(new MonitoredTargets(root, List.of("api"), TargetCompiler.inProcess()).reload())
        .isEmpty();

    MonitoredTargets fromList = new MonitoredTargets(root, List.of(), TargetCompiler.inProcess());
    fromList.reload();
    write("etc/watchdog-menu/monitor.yaml", "targets: web, api]\n");
    assertThat(fromList.reload())
        .singleElement()
        .asString()
        .startsWith("keeping the last good target list: ");
    assertThat(fromList.current()).containsOnlyKeys("web");
  }

  @Test
  void onlyTargetsWithoutACurrentCompiledFormAreCompiledAndAPlainReloadCompilesNothing()
      throws Exception {
    HostRoot root = new HostRoot(dir);
    write("etc/watchdog-menu/targets/web.yaml", target("web", "5s"));
    write("etc/watchdog-menu/targets/api.yaml", target("api", "5s"));
    write("etc/watchdog-menu/monitor.yaml", "targets: [web, api]\n");
    List<List<String>> asked = new ArrayList<>();
    TargetCompiler recording =
        (r, ids) -> {
          asked.add(ids);
          TargetCompiler.inProcess().compile(r, ids);
        };
    MonitoredTargets targets = new MonitoredTargets(root, List.of(), recording);

    assertThat(targets.reload()).isEmpty();
    assertThat(asked).containsExactly(List.of("api", "web"));
    assertThat(dir.resolve("var/lib/watchdog-menu/compiled/web")).isRegularFile();

    asked.clear();
    assertThat(targets.reload()).isEmpty();
    assertThat(asked).as("nothing changed: everything read compiled").isEmpty();
    assertThat(targets.current()).containsOnlyKeys("api", "web");

    write("etc/watchdog-menu/targets/api.yaml", target("api", "9s"));
    assertThat(targets.reload()).isEmpty();
    assertThat(asked).containsExactly(List.of("api"));
    assertThat(targets.current().get("api").policy().interval()).isEqualTo(Duration.ofSeconds(9));
    assertThat(targets.isKnown("web")).isTrue();
    assertThat(targets.isKnown("gone")).isFalse();
  }

  @Test
  void whatACompilerLeftUndoneIsReadThroughTheCatalogWithItsProblem() throws Exception {
    HostRoot root = new HostRoot(dir);
    write("etc/watchdog-menu/targets/web.yaml", target("web", "5s"));
    MonitoredTargets targets = new MonitoredTargets(root, List.of("web"), (r, ids) -> {});
    assertThat(targets.reload()).isEmpty();
    assertThat(targets.current().get("web").policy().interval()).isEqualTo(Duration.ofSeconds(5));

    write("etc/watchdog-menu/targets/web.yaml", "id: web\nservice: {kind: nope}\n");
    assertThat(targets.reload())
        .singleElement()
        .asString()
        .startsWith("web: keeping the last good settings: ")
        .contains("web.yaml");
  }

  @Test
  void theFileWatchSeesANewFileAndAChangedTimeButNotItsOwnLastLook() throws Exception {
    HostRoot root = new HostRoot(dir);
    Path web = write("etc/watchdog-menu/targets/web.yaml", target("web", "5s"));
    FileWatch watch = new FileWatch(root);
    assertThat(watch.changed()).isFalse();
    write("etc/watchdog-menu/monitor.yaml", "targets: [web]\n");
    assertThat(watch.changed()).isTrue();
    assertThat(watch.changed()).isFalse();
    Files.setLastModifiedTime(web, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    assertThat(watch.changed()).isTrue();
  }

  @Test
  void theListIsSortedWithoutDuplicatesAndRendersWithAHeader() {
    MonitorList list = MonitorList.EMPTY.with("web").with("api").with("web");
    assertThat(list.targets()).containsExactly("api", "web");
    assertThat(list.without("web").render())
        .startsWith("# Managed by watchdog-menu")
        .endsWith("targets: [api]\n");
  }

  @Test
  void theHeartbeatRoundTripsAndAGoneProcessIsNotAlive() throws Exception {
    HostRoot root = new HostRoot(dir);
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    new Heartbeat(root).beat(ProcessHandle.current().pid(), now);
    Heartbeat.Beat beat = Heartbeat.read(root).orElseThrow();
    assertThat(beat.pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(beat.alive(now.plusSeconds(5))).isTrue();
    assertThat(beat.alive(now.plus(Heartbeat.STALE).plusSeconds(1))).isFalse();
    assertThat(new Heartbeat.Beat(Long.MAX_VALUE, now).alive(now)).isFalse();
    new Heartbeat(root).clear();
    assertThat(Heartbeat.read(root)).isEmpty();
  }

  private Path write(String path, String text) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private static String target(String id, String interval) {
    return "id: "
        + id
        + "\nservice: {kind: command, restart: [/bin/true]}\n"
        + "policy: {interval: "
        + interval
        + "}\n";
  }
}
