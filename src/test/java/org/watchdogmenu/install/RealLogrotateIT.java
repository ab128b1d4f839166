package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.os.Command;
import org.watchdogmenu.os.CommandResult;
import org.watchdogmenu.os.ExecCommandRunner;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;

/**
 * The logrotate file against the real {@code logrotate -d}, with a real second account that owns
 * the camera platform's log folder: that folder's block gets {@code su USER GROUP} and logrotate
 * finds nothing to refuse; root's /var/log gets no su line.
 */
class RealLogrotateIT {
  private final String user = "wdmlr" + Long.toString(System.nanoTime() % 1_000_000L, 36);
  private final ExecCommandRunner runner = new ExecCommandRunner();
  @TempDir Path dir;
  private HostRoot root;
  private int uid;
  private int gid;

  @BeforeEach
  void setUp() throws IOException {
    assertThat(run("useradd", "-M", "-U", user).succeeded()).isTrue();
    root = new HostRoot(dir);
    Files.setAttribute(dir, "unix:mode", 0755);
    Files.createDirectories(dir.resolve("etc"));
    String passwd = line("/etc/passwd", user);
    String group = line("/etc/group", user);
    uid = Integer.parseInt(passwd.split(":")[2]);
    gid = Integer.parseInt(group.split(":")[2]);
    Files.writeString(dir.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\n" + passwd);
    Files.writeString(dir.resolve("etc/group"), "root:x:0:\n" + group);
    Files.createDirectories(dir.resolve("etc/cron.d"));
  }

  @AfterEach
  void tearDown() {
    run("userdel", user);
  }

  @Test
  void theCameraLogsAreRotatedAsTheFolderOwnerAndLogrotateRefusesNothing() throws IOException {
    Path logs = dir.resolve("home/satinder/camera-platform-local/logs");
    Files.createDirectories(logs);
    for (Path p = logs; !p.equals(dir.resolve("home")); p = p.getParent()) {
      Files.setAttribute(p, "unix:uid", uid);
      Files.setAttribute(p, "unix:gid", gid);
    }
    Path log = logs.resolve("health_check.log");
    Files.writeString(log, "[2025-02-14T10:30:00Z] === Health Check Start ===\n");
    Files.setAttribute(log, "unix:uid", uid);
    Files.createDirectories(dir.resolve("var/log"));
    Files.writeString(dir.resolve("var/log/paqet-health-server.log"), "x\n");

    InstallTools installer = new InstallTools(Host.system(root));
    Applier.Options no = new Applier.Options(false);
    installer
        .applier()
        .apply(
            installer.planner().enable(SeedTargets.camera(), Feature.HEALTH, Schedule.parse("5m")),
            no);
    installer
        .applier()
        .apply(
            installer
                .planner()
                .enable(
                    SeedTargets.tunnel("paqet", "server"), Feature.HEALTH, Schedule.parse("5m")),
            no);

    String conf = Files.readString(root.resolve(InstallPaths.LOGROTATE));
    assertThat(conf)
        .contains(log + "\n{\n    su " + user + " " + user + "\n    weekly\n")
        .contains(
            dir.resolve("var/log/paqet-health-server.log")
                + "\n"
                // the camera's cron line sends its start-up errors to root's own log
                + dir.resolve("var/log/watchdog-menu.log")
                + "\n{\n    weekly\n");
    assertThat(conf.split("    su ", -1)).as("one su line, for the camera's folder").hasSize(2);

    String debug = logrotateDebug(conf);
    assertThat(debug)
        .contains("switching euid from 0 to " + uid)
        .doesNotContain("error:")
        .doesNotContain("insecure permissions");
  }

  @Test
  void aRootFolderAGroupMayWriteGetsSuRootGroupWhichLogrotateAccepts() throws IOException {
    Path shared = Files.createDirectories(dir.resolve("var/log/shared"));
    Files.setAttribute(shared, "unix:gid", gid);
    Files.setAttribute(shared, "unix:mode", 0775);
    Files.writeString(shared.resolve("a.log"), "x\n");
    TreeSet<String> logs = new TreeSet<>(List.of(shared.resolve("a.log").toString()));

    FileWrite file = LogrotateRenderer.render(root, logs, w -> {});
    assertThat(file.text()).contains("    su root " + user + "\n");
    assertThat(new LogrotateValidator(runner).check(file)).isEmpty();
    assertThat(logrotateDebug(file.text())).doesNotContain("error:", "insecure permissions");

    String withoutSu = file.text().replace("    su root " + user + "\n", "");
    assertThat(logrotateDebug(withoutSu))
        .as("what logrotate says without the su line")
        .contains("insecure permissions");
  }

  /** All that {@code logrotate -d} prints for this config, with a fresh state file. */
  private String logrotateDebug(String conf) throws IOException {
    Path work = Files.createTempDirectory("wdm-logrotate-");
    try {
      Path file = work.resolve("watchdog-menu");
      Files.writeString(file, conf);
      CommandResult r =
          run("logrotate", "-d", "-s", work.resolve("state").toString(), file.toString());
      assertThat(r.outcome()).isEqualTo(CommandResult.Outcome.EXITED);
      return r.stdout() + r.stderr();
    } finally {
      try (var all = Files.walk(work)) {
        all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String line(String file, String name) throws IOException {
    return Files.readAllLines(Path.of(file)).stream()
            .filter(l -> l.startsWith(name + ":"))
            .findFirst()
            .orElseThrow()
        + "\n";
  }

  private CommandResult run(String... argv) {
    return runner.run(Command.of(Duration.ofSeconds(20), argv));
  }
}
