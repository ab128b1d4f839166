package org.watchdogmenu.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.ExecCommandRunner;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.LockFile;
import org.watchdogmenu.os.Sleeper;

/** Plan, preview, apply, disable, undo and uninstall on a temp root with the real validators. */
class InstallFlowIT {
  private static final Applier.Options NO = new Applier.Options(false);

  @TempDir Path dir;
  private Host host;
  private InstallTools installer;
  private Target paqet;

  @BeforeEach
  void setUp() throws IOException {
    host =
        new Host(
            new HostRoot(dir), new ExecCommandRunner(), Clock.systemUTC(), Sleeper.SYSTEM, "root");
    installer = new InstallTools(host);
    paqet = SeedTargets.tunnel("paqet", "server");
    Files.createDirectories(dir.resolve("etc/cron.d"));
    Files.writeString(
        dir.resolve("etc/passwd"),
        "satinder:x:1000:1000::/home/satinder:/bin/bash\noperator:x:1001:1001::/home/operator:/bin/sh\n");
  }

  private Path at(String hostPath) {
    return host.root().resolve(hostPath);
  }

  private ApplyResult apply(Plan plan) {
    return installer.applier().apply(plan, NO);
  }

  @Test
  void enableWritesTheCronFileTheLogrotateFileAndTheManifest() throws IOException {
    Plan plan = installer.planner().enable(paqet, Feature.HEALTH, Schedule.parse("5m"));
    String preview = plan.preview();
    assertThat(preview)
        .contains("Plan: watchdog-menu --root " + dir + " enable paqet-server --health 5m")
        .contains("create  /etc/cron.d/paqet-health-paqet-server  (0644 root:root)")
        .contains("+*/5 * * * * root /usr/local/bin/watchdog-menu --root " + dir)
        .contains("create  /etc/logrotate.d/watchdog-menu");
    assertThat(Files.exists(at("/etc/cron.d/paqet-health-paqet-server"))).isFalse();

    ApplyResult result = apply(plan);

    Path cron = at("/etc/cron.d/paqet-health-paqet-server");
    assertThat(Files.readString(cron))
        .contains(
            "*/5 * * * * root /usr/local/bin/watchdog-menu --root "
                + dir
                + " check paqet-server >/dev/null 2>>"
                + dir
                + "/var/log/paqet-health-server.log\n");
    assertThat(FileMeta.read(cron).orElseThrow().mode()).isEqualTo("0644");
    assertThat(Files.readString(at("/etc/logrotate.d/watchdog-menu")))
        .contains(dir + "/var/log/paqet-health-server.log");
    assertThat(Files.readString(at("/var/lib/watchdog-menu/manifest.json")))
        .contains(result.applyId(), "/etc/cron.d/paqet-health-paqet-server", "paqet-server/health");
    assertThat(installer.reader().read(paqet, Feature.HEALTH).words()).isEqualTo("Every 5 minutes");
    assertThat(installer.reader().read(paqet, Feature.RESTART).words()).isEqualTo("Not configured");
    try (var files = Files.list(at("/etc/cron.d"))) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
    }
    assertThat(installer.planner().enable(paqet, Feature.HEALTH, Schedule.parse("5m")).isEmpty())
        .as("nothing to change the second time")
        .isTrue();
  }

  @Test
  void changingAScheduleBacksUpTheOldFileAndUndoPutsItBack() throws IOException {
    apply(installer.planner().enable(paqet, Feature.HEALTH, Schedule.parse("5m")));
    Path cron = at("/etc/cron.d/paqet-health-paqet-server");
    String five = Files.readString(cron);

    Plan plan = installer.planner().enable(paqet, Feature.HEALTH, Schedule.parse("2m"));
    assertThat(plan.preview())
        .contains("replace /etc/cron.d/paqet-health-paqet-server")
        .contains("-*/5 * * * * root")
        .contains("+*/2 * * * * root");
    ApplyResult second = apply(plan);

    assertThat(
            Files.readString(
                at(
                    "/var/lib/watchdog-menu/backups/"
                        + second.applyId()
                        + "/etc/cron.d/paqet-health-paqet-server")))
        .isEqualTo(five);
    assertThat(installer.reader().read(paqet, Feature.HEALTH).words()).isEqualTo("Every 2 minutes");

    apply(installer.planner().undo());

    assertThat(Files.readString(cron)).isEqualTo(five);
    assertThat(at("/var/lib/watchdog-menu/backups/" + second.applyId())).doesNotExist();
  }

  @Test
  void aSudoersFileThatFailsVisudoLeavesTheTreeByteForByte() throws IOException {
    Files.writeString(at("/etc/cron.d/keep"), "# someone else's\n");
    Map<String, String> before = Trees.snapshot(dir);
    FileWrite broken =
        new FileWrite(
            "/etc/sudoers.d/broken",
            "# Managed by watchdog-menu: x\nop ALL=(root) NOPASSWD /usr/bin/id\n"
                .getBytes(StandardCharsets.UTF_8),
            FileKind.SUDOERS,
            "0440",
            "root",
            "root",
            FeatureKey.sudoers("broken"),
            List.of(),
            false);
    Plan plan =
        installer
            .planner()
            .enable(paqet, Feature.HEALTH, Schedule.parse("5m"))
            .plus(planOf(broken));

    assertThatThrownBy(() -> apply(plan))
        .isInstanceOf(InstallException.class)
        .hasMessageContaining("nothing was written")
        .hasMessageContaining("/etc/sudoers.d/broken:2: visudo: syntax error");
    assertThat(Trees.snapshot(dir)).isEqualTo(before);
  }

  @Test
  void aUnitWithAWarningFailsAndLeavesTheTreeByteForByte() throws IOException {
    Map<String, String> before = Trees.snapshot(dir);
    FileWrite unit =
        FileWrite.of(
            "/etc/systemd/system/demo.service",
            "# Managed by watchdog-menu: x\n[Service]\nExecStart=/bin/true\nRestart=sometimes\n",
            FileKind.UNIT,
            "0644",
            "root",
            FeatureKey.Single.MONITOR_UNIT);

    assertThatThrownBy(() -> apply(planOf(unit)))
        .isInstanceOf(InstallException.class)
        .hasMessageContaining("/etc/systemd/system/demo.service:4")
        .hasMessageContaining("sometimes");
    assertThat(Trees.snapshot(dir)).isEqualTo(before);
  }

  @Test
  void aCrashRightBeforeARenameLeavesTheOldFilesIntact() throws IOException {
    apply(installer.planner().enable(paqet, Feature.HEALTH, Schedule.parse("5m")));
    Map<String, String> before = Trees.snapshot(dir);
    Plan plan = installer.planner().enable(paqet, Feature.HEALTH, Schedule.parse("10m"));
    Applier crashing =
        new Applier(
            host,
            path -> {
              if (path.equals("/etc/systemd/system/watchdog-menu-alert@.service")) {
                throw new IOException("simulated crash");
              }
            },
            Duration.ofSeconds(1));
    Plan both = plan.plus(installer.planner().restartPolicy("paqet-server.service"));

    assertThatThrownBy(() -> crashing.apply(both, NO))
        .isInstanceOf(InstallException.class)
        .hasMessageContaining("simulated crash")
        .hasMessageContaining("put back");

    Map<String, String> after = Trees.snapshot(dir);
    after.keySet().removeIf(k -> k.startsWith("var/lib/watchdog-menu/backups/"));
    before.keySet().removeIf(k -> k.startsWith("var/lib/watchdog-menu/backups/"));
    assertThat(after).isEqualTo(before);
    assertThat(installer.reader().read(paqet, Feature.HEALTH).words()).isEqualTo("Every 5 minutes");
  }

  @Test
  void uninstallAfterSeveralAppliesLeavesNoFileOfOursAndRestoresReplacedOnes() throws IOException {
    Files.writeString(
        at("/etc/cron.d/paqet-health-paqet-server"),
        "*/5 * * * * root /root/paqet_tunnel/scripts/health_check.sh server\n");
    Files.createDirectories(at("/etc/systemd/system"));
    Files.createDirectories(at("/var/lib/systemd/linger"));
    Files.createDirectories(at("/etc/logrotate.d"));
    Map<String, String> before = Trees.snapshot(dir);
    assertThat(installer.reader().read(paqet, Feature.HEALTH).words())
        .isEqualTo("custom: */5 * * * *");

    Target camera = SeedTargets.camera();
    Plan replacing = installer.planner().enable(paqet, Feature.HEALTH, Schedule.parse("5m"));
    assertThat(replacing.warnings())
        .contains(
            "replaces /etc/cron.d/paqet-health-paqet-server, which watchdog-menu did not write:"
                + " it is kept as a backup and comes back with undo/disable (custom: */5 * * * *)");
    apply(replacing);
    apply(installer.planner().enable(paqet, Feature.RESTART, Schedule.parse("1h")));
    apply(installer.planner().enable(camera, Feature.RESTART, Schedule.parse("08:00,16:00,00:00")));
    apply(installer.planner().restartPolicy("mingus-backend"));
    apply(installer.planner().monitor());
    apply(installer.planner().enable(paqet, Feature.HEALTH, Schedule.parse("2m")));
    apply(installer.planner().disable(paqet, Set.of(Feature.RESTART)));
    assertThat(Linger.isEnabled(host.root(), "satinder")).isTrue();
    assertThat(installer.reader().read(camera, Feature.RESTART).words())
        .isEqualTo("Daily at 00:00, 08:00, 16:00");
    assertThat(installer.doctor().check()).isEmpty();

    Plan uninstall = installer.planner().uninstall();
    assertThat(uninstall.preview()).contains("remove  /etc/cron.d/camera-restart-camera-platform");
    apply(uninstall);

    assertThat(Trees.snapshot(dir)).isEqualTo(before);
  }

  @Test
  void disableRemovesOnlyOurFileAndRewritesLogrotate() throws IOException {
    apply(installer.planner().enable(paqet, Feature.HEALTH, Schedule.parse("5m")));
    apply(installer.planner().enable(paqet, Feature.RESTART, Schedule.parse("4h")));
    Target client = SeedTargets.tunnel("paqet", "client");
    Files.writeString(at("/etc/cron.d/paqet-health-paqet-client"), "0 * * * * root true\n");

    Plan plan = installer.planner().disable(paqet, Set.of(Feature.RESTART));
    assertThat(plan.preview()).contains("remove  /etc/cron.d/paqet-restart-paqet-server");
    apply(plan);
    Plan foreign = installer.planner().disable(client, Set.of(Feature.HEALTH));

    assertThat(at("/etc/cron.d/paqet-restart-paqet-server")).doesNotExist();
    assertThat(Files.readString(at("/etc/logrotate.d/watchdog-menu")))
        .contains("paqet-health-server.log")
        .doesNotContain("paqet-cron-server.log");
    assertThat(foreign.isEmpty()).isTrue();
    assertThat(foreign.warnings()).singleElement().asString().contains("left alone");
    assertThat(installer.reader().read(client, Feature.HEALTH).words())
        .isEqualTo("custom: 0 * * * *");

    apply(installer.planner().disable(paqet, Set.of(Feature.HEALTH)));
    assertThat(at("/etc/logrotate.d/watchdog-menu")).doesNotExist();

    Plan uninstall = installer.planner().uninstall();
    assertThat(uninstall.isEmpty()).as("no file of ours is left").isTrue();
    apply(uninstall);
    assertThat(at("/var/lib/watchdog-menu")).doesNotExist();
  }

  @Test
  void timesOfDayWithDifferentMinutesGetOneLineEachAndReadBackInWords() throws IOException {
    Target camera = SeedTargets.camera();
    Plan plan =
        installer.planner().enable(camera, Feature.RESTART, Schedule.parse("08:30,16:30,00:00"));
    assertThat(plan.commandLine())
        .contains("enable camera-platform --restart-at 00:00,08:30,16:30");
    apply(plan);
    Path file = at("/etc/cron.d/camera-restart-camera-platform");
    List<String> jobs =
        Files.readAllLines(file).stream().filter(l -> l.contains(" root ")).toList();
    assertThat(jobs).hasSize(2);
    assertThat(jobs.get(0)).startsWith("0 0 * * * root /usr/local/bin/watchdog-menu --root ");
    assertThat(jobs.get(1)).startsWith("30 8,16 * * * root /usr/local/bin/watchdog-menu --root ");
    assertThat(jobs.get(0).substring(10)).isEqualTo(jobs.get(1).substring(14));
    assertThat(
            new CronValidator()
                .check(
                    FileWrite.of(
                        "/etc/cron.d/camera-restart-camera-platform",
                        Files.readString(file),
                        FileKind.CRON,
                        "0644",
                        "root",
                        FeatureKey.scheduled("camera-platform", Feature.RESTART))))
        .isEmpty();
    FeatureState state = installer.reader().read(camera, Feature.RESTART);
    assertThat(state.words()).isEqualTo("Daily at 00:00, 08:30, 16:30");
    assertThat(state.editedByHand()).isFalse();
    assertThat(installer.doctor().check()).isEmpty();

    // the same lines in another order are not what the tool writes
    String text = Files.readString(file);
    Files.writeString(
        file, text.replace(jobs.get(0) + "\n" + jobs.get(1), jobs.get(1) + "\n" + jobs.get(0)));
    assertThat(installer.reader().read(camera, Feature.RESTART).words())
        .endsWith("(edited by hand)");
  }

  @Test
  void aFileOfTheOldScriptsIsKeptAsABackupAndComesBackWithDisable() throws IOException {
    String old =
        "# Paqet Health Check for paqet-server\n"
            + "*/5 * * * * root /root/paqet_tunnel/scripts/health_check.sh server"
            + " >> /var/log/paqet-health-server.log 2>&1\n";
    Path cron = at("/etc/cron.d/paqet-health-paqet-server");
    Files.writeString(cron, old);

    Plan plan = installer.planner().enable(paqet, Feature.HEALTH, Schedule.parse("2m"));
    assertThat(plan.preview())
        .contains(
            "replaces /etc/cron.d/paqet-health-paqet-server, which watchdog-menu did not write:"
                + " it is kept as a backup and comes back with undo/disable");
    apply(plan);
    assertThat(Files.readString(cron)).startsWith(ScheduleReader.HEADER).contains("*/2 * * * *");
    assertThat(installer.planner().enable(paqet, Feature.HEALTH, Schedule.parse("5m")).warnings())
        .as("a file of ours, on record in the manifest, is not announced as someone else's")
        .noneMatch(w -> w.contains("did not write"));

    apply(installer.planner().disable(paqet, Set.of(Feature.HEALTH)));
    assertThat(Files.readString(cron)).isEqualTo(old);

    // a file that looks like ours but is not on record is someone else's too
    Files.writeString(cron, ScheduleReader.HEADER + ": copied by hand\n*/5 * * * * root true\n");
    assertThat(installer.planner().enable(paqet, Feature.HEALTH, Schedule.parse("5m")).warnings())
        .anyMatch(w -> w.startsWith("replaces /etc/cron.d/paqet-health-paqet-server, which"));
  }

  @Test
  void theReaderNoticesAManagedFileEditedByHand() throws IOException {
    apply(installer.planner().enable(paqet, Feature.HEALTH, Schedule.parse("5m")));
    Path cron = at("/etc/cron.d/paqet-health-paqet-server");
    Files.writeString(cron, Files.readString(cron).replace("MAILTO=\"\"", "MAILTO=ops"));
    assertThat(installer.reader().read(paqet, Feature.HEALTH).words())
        .isEqualTo("Every 5 minutes (edited by hand)");
    Files.writeString(cron, Files.readString(cron).replace("*/5 * * * *", "*/7 * * 1-5 *"));
    assertThat(installer.reader().read(paqet, Feature.HEALTH).words())
        .isEqualTo("custom: */7 * * 1-5 * (edited by hand)");

    assertThat(installer.doctor().check())
        .extracting(Doctor.Problem::words)
        .anyMatch(w -> w.startsWith("edited by hand"));
    assertThatThrownBy(() -> installer.planner().undo())
        .isInstanceOf(InstallException.class)
        .hasMessageContaining("changed by hand");
  }

  @Test
  void doctorExplainsMissingFilesChangedModesAndValidatorErrors() throws IOException {
    apply(installer.planner().enable(paqet, Feature.HEALTH, Schedule.parse("5m")));
    apply(installer.planner().restartPolicy("paqet-server.service"));
    Files.setPosixFilePermissions(
        at("/etc/cron.d/paqet-health-paqet-server"), FileMeta.permissions("0666"));
    Files.delete(at("/etc/logrotate.d/watchdog-menu"));
    Path dropIn = at("/etc/systemd/system/paqet-server.service.d/watchdog-menu.conf");
    Files.writeString(dropIn, Files.readString(dropIn).replace("RestartSec=10", "RestartSec=abc"));

    List<String> problems =
        installer.doctor().check().stream().map(Doctor.Problem::toString).toList();

    assertThat(problems)
        .anyMatch(
            p -> p.contains("paqet-health-paqet-server: mode changed: it is 0666, should be 0644"))
        .anyMatch(p -> p.contains("paqet-health-paqet-server: fails validation: must be mode 0644"))
        .anyMatch(p -> p.startsWith("/etc/logrotate.d/watchdog-menu: missing"))
        .anyMatch(p -> p.contains("watchdog-menu.conf: edited by hand"))
        .anyMatch(
            p ->
                p.contains("watchdog-menu.conf: fails validation: systemd-analyze:")
                    && p.contains("abc"));
  }

  @Test
  void aSudoersRuleThatAmountsToFullRootNeedsADeliberateYes() throws IOException {
    Files.createDirectories(at("/etc/sudoers.d"));
    SudoersRequest seed000 =
        new SudoersRequest(
            "satinder",
            "camera-platform",
            List.of(SeedTargets.camera()),
            List.of(
                SudoersRequest.command("/bin/kill"),
                SudoersRequest.command("/bin/sh -c *"),
                SudoersRequest.command("/usr/bin/setsid")));
    Plan plan = installer.planner().sudoers(seed000);

    assertThat(plan.confirmation().orElseThrow())
        .contains("full root")
        .contains("/bin/sh -c *")
        .contains("setsid")
        .contains("'/bin/kill' names no arguments, so sudo allows it with any arguments");
    assertThat(plan.warnings())
        .anyMatch(w -> w.contains("/bin/kill") && w.contains("any arguments"));
    assertThat(plan.preview()).contains("CONFIRMATION NEEDED");
    assertThatThrownBy(() -> apply(plan))
        .isInstanceOf(InstallException.class)
        .hasMessageContaining("deliberate yes");
    assertThat(at("/etc/sudoers.d/camera-platform")).doesNotExist();

    installer.applier().apply(plan, new Applier.Options(true));
    Path file = at("/etc/sudoers.d/camera-platform");
    assertThat(FileMeta.read(file).orElseThrow().mode()).isEqualTo("0440");
    assertThat(Files.readString(file)).contains("satinder ALL=(root) NOPASSWD: /bin/sh -c *\n");
  }

  @Test
  void aUserUnitIsOwnedByItsUserWithItsFolders() throws IOException {
    Files.createDirectories(at("/etc"));
    Files.writeString(
        at("/etc/passwd"), "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n");
    // the account's home exists and is its own; the unit is written with its rights
    Files.createDirectories(at("/nonexistent"));
    Files.setOwner(at("/nonexistent"), lookup("nobody"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
    Files.writeString(at("/etc/group"), "nogroup:x:65534:\n");
    UserUnitRequest r =
        new UserUnitRequest(
            "demo.service",
            "nobody",
            null,
            "Demo",
            List.of("network.target"),
            List.of(),
            "/tmp",
            List.of("/bin/true", "start"),
            List.of("/bin/true", "stop"));

    apply(installer.planner().userUnit(r));

    Path unit = at("/nonexistent/.config/systemd/user/demo.service");
    assertThat(FileMeta.read(unit).orElseThrow())
        .extracting(FileMeta::owner, FileMeta::group)
        .containsExactly("nobody", "nogroup");
    assertThat(Files.getOwner(at("/nonexistent/.config")).getName()).isEqualTo("nobody");
  }

  private java.nio.file.attribute.UserPrincipal lookup(String name) throws IOException {
    return dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
  }

  @Test
  void anotherRunHoldingTheLockIsReportedAndNothingIsWritten() throws Exception {
    Plan plan = installer.planner().enable(paqet, Feature.HEALTH, Schedule.parse("5m"));
    Path lock = at("/var/lib/watchdog-menu/install.lock");
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Thread other =
        new Thread(
            () -> {
              try (LockFile.Held h =
                  LockFile.acquire(lock, Duration.ofSeconds(1), Clock.systemUTC()).orElseThrow()) {
                held.countDown();
                done.await();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    other.start();
    try {
      held.await();
      Applier quick = new Applier(host, p -> {}, Duration.ofMillis(300));
      assertThatThrownBy(() -> quick.apply(plan, NO))
          .isInstanceOf(InstallException.class)
          .hasMessageContaining("another watchdog-menu run");
      assertThat(at("/etc/cron.d/paqet-health-paqet-server")).doesNotExist();
    } finally {
      done.countDown();
      other.join();
    }
  }

  @Test
  void aPlanMadeBeforeAnotherApplyIsRefused() {
    Plan stale = installer.planner().enable(paqet, Feature.HEALTH, Schedule.parse("5m"));
    apply(installer.planner().enable(paqet, Feature.RESTART, Schedule.parse("1h")));
    assertThatThrownBy(() -> apply(stale))
        .isInstanceOf(InstallException.class)
        .hasMessageContaining("make the plan again");
  }

  private Plan planOf(FileWrite file) {
    PlanBuilder b =
        new PlanBuilder(
            host.root(), "test", Plan.Mode.APPLY, new ManifestStore(host.root()).basis());
    return b.write(file).build();
  }
}
