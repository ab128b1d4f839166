package org.watchdogmenu.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installer's command-line twins through the real jar, in a sandbox root. */
class InstallerCommandsIT {
  private static final String HEALTH_CRON = "/etc/cron.d/paqet-health-paqet-server";
  private static final String RESTART_CRON = "/etc/cron.d/paqet-restart-paqet-server";

  @TempDir Path dir;
  private Sandbox sandbox;

  @BeforeEach
  void setUp() throws Exception {
    sandbox = new Sandbox(Files.createDirectories(dir.resolve("root")));
    Files.createDirectories(sandbox.path("/etc"));
    Files.writeString(
        sandbox.path("/etc/passwd"), "operator:x:1001:1001::/home/operator:/bin/sh\n");
    Files.writeString(sandbox.path("/etc/group"), "ops:x:1200:operator\n");
  }

  private Jar.Run run(String... args) throws Exception {
    return Jar.run(sandbox.root, args);
  }

  @Test
  void enableShowsInStatusAndDisableTakesItAway() throws Exception {
    Jar.Run enable = run("enable", "paqet-server", "--health", "5m");
    assertThat(enable.exit()).as(enable.out() + enable.err()).isZero();
    assertThat(Files.readAllLines(sandbox.path(HEALTH_CRON)))
        .contains("MAILTO=\"\"")
        .anyMatch(
            l ->
                l.startsWith(
                    "*/5 * * * * root /usr/local/bin/watchdog-menu --root "
                        + sandbox.root
                        + " check paqet-server"));
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(sandbox.path(HEALTH_CRON))))
        .isEqualTo("rw-r--r--");

    Jar.Run restart = run("enable", "paqet-server", "--restart-at", "08:00,16:00,00:00");
    assertThat(restart.exit()).as(restart.out() + restart.err()).isZero();
    assertThat(Files.readString(sandbox.path(RESTART_CRON)))
        .contains("0 0,8,16 * * * root ")
        .contains("restart paqet-server --source cron");

    Jar.Run status = run("status", "paqet-server");
    assertThat(status.out())
        .contains("Health check:  Every 5 minutes")
        .contains("Restart:       Daily at 00:00, 08:00, 16:00");

    Jar.Run disable = run("disable", "paqet-server", "--all");
    assertThat(disable.exit()).as(disable.out() + disable.err()).isZero();
    assertThat(sandbox.path(HEALTH_CRON)).doesNotExist();
    assertThat(sandbox.path(RESTART_CRON)).doesNotExist();
    assertThat(run("status", "paqet-server").out())
        .contains("Health check:  Not configured")
        .contains("Restart:       Not configured");
  }

  @Test
  void aCronJobThatOutlivesItsTargetIsNamedByDoctorAndDisabledFromTheManifest() throws Exception {
    String cron = "/etc/cron.d/custom-health-demo";
    Path site =
        sandbox.target("demo", "id: demo\nservice: {kind: command, restart: [\"/bin/true\"]}\n");
    Jar.Run enable = run("enable", "demo", "--health", "5m");
    assertThat(enable.exit()).as(enable.out() + enable.err()).isZero();
    enable = run("enable", "demo", "--restart", "1h");
    assertThat(enable.exit()).as(enable.out() + enable.err()).isZero();
    assertThat(run("doctor").exit()).isZero();

    Files.writeString(site, "id: demo\nservice: {kind: command, restart: [\"/bin/true\"]\n");
    Jar.Run broken = run("doctor");
    assertThat(broken.exit()).isEqualTo(1);
    assertThat(broken.out())
        .contains(cron + ": its target demo does not load, so every run of this job fails (")
        .contains("or 'watchdog-menu disable demo --all'")
        .doesNotContain("Every installed file is in place");

    Files.delete(site);
    assertThat(run("doctor").out()).contains(cron + ": its target demo does not load");
    Jar.Run health = run("disable", "demo", "--health");
    assertThat(health.exit()).as(health.out() + health.err()).isZero();
    assertThat(health.err()).contains("Note: demo does not load (unknown target 'demo'");
    assertThat(sandbox.path(cron)).doesNotExist();
    assertThat(sandbox.path("/etc/cron.d/custom-restart-demo")).exists();
    Jar.Run all = run("disable", "demo", "--all");
    assertThat(all.exit()).as(all.out() + all.err()).isZero();
    assertThat(sandbox.path("/etc/cron.d/custom-restart-demo")).doesNotExist();
    assertThat(run("doctor").exit()).isZero();
    Jar.Run unknown = run("disable", "demo", "--all");
    assertThat(unknown.exit()).as("nothing recorded any more: unknown again").isEqualTo(2);
  }

  @Test
  void doctorNamesCronFieldsCronRejectsAndDisablingAHandEditedFileNeedsYes() throws Exception {
    Jar.Run enable = run("enable", "paqet-server", "--health", "5m");
    assertThat(enable.exit()).as(enable.out() + enable.err()).isZero();
    Path file = sandbox.path(HEALTH_CRON);
    String edited = Files.readString(file).replace("*/5 * * * * root", "61 * * * * root");
    Files.writeString(file, edited);

    Jar.Run doctor = run("doctor");
    assertThat(doctor.exit()).isEqualTo(1);
    assertThat(doctor.out())
        .contains(HEALTH_CRON + ": edited by hand")
        .contains("minute field '61' is not a cron time: minute 61 is out of range (0-59)");

    Jar.Run refused = run("disable", "paqet-server", "--health");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err())
        .contains(HEALTH_CRON + " was changed by hand since watchdog-menu wrote it")
        .contains("--yes");
    assertThat(Files.readString(file)).isEqualTo(edited);

    Jar.Run yes = run("disable", "paqet-server", "--health", "--yes");
    assertThat(yes.exit()).as(yes.out() + yes.err()).isZero();
    assertThat(file).doesNotExist();
  }

  @Test
  void restartTimesMayHaveAnyMinutesAndReadBackInWords() throws Exception {
    Jar.Run one = run("enable", "paqet-server", "--restart-at", "08:30");
    assertThat(one.exit()).as(one.out() + one.err()).isZero();
    assertThat(Files.readString(sandbox.path(RESTART_CRON))).contains("\n30 8 * * * root ");

    Jar.Run three = run("enable", "paqet-server", "--restart-at", "08:30,16:30,00:00");
    assertThat(three.exit()).as(three.out() + three.err()).isZero();
    assertThat(three.out()).contains("enable paqet-server --restart-at 00:00,08:30,16:30");
    List<String> jobs =
        Files.readAllLines(sandbox.path(RESTART_CRON)).stream()
            .filter(l -> !l.startsWith("#") && l.contains(" root "))
            .toList();
    String command =
        " root /usr/local/bin/watchdog-menu --root "
            + sandbox.root
            + " restart paqet-server --source cron >/dev/null 2>>";
    assertThat(jobs).hasSize(2);
    assertThat(jobs.get(0)).startsWith("0 0 * * *" + command);
    assertThat(jobs.get(1)).startsWith("30 8,16 * * *" + command);

    // cron's own parser: crontab -n checks every time field (the user field reads as a command)
    Process crontab =
        new ProcessBuilder(Tools.require("crontab"), "-n", sandbox.path(RESTART_CRON).toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(crontab.getInputStream().readAllBytes());
    assertThat(crontab.waitFor()).as(said).isZero();

    Jar.Run status = run("status", "paqet-server");
    assertThat(status.out())
        .contains("Restart:       Daily at 00:00, 08:30, 16:30")
        .doesNotContain("edited by hand");
    assertThat(run("status", "paqet-server", "--json").out())
        .contains("Daily at 00:00, 08:30, 16:30")
        .contains("0 0 * * *; 30 8,16 * * *");
    assertThat(run("doctor").exit()).isZero();
  }

  @Test
  void aCronFileTheOldScriptsWroteIsKeptAsABackupAndComesBackWithDisable() throws Exception {
    String old =
        "# Paqet Health Check for paqet-server\n"
            + "*/5 * * * * root /root/paqet_tunnel/scripts/health_check.sh server"
            + " >> /var/log/paqet-health-server.log 2>&1\n";
    Path file = sandbox.path(HEALTH_CRON);
    Files.createDirectories(file.getParent());
    Files.writeString(file, old);

    Jar.Run enable = run("enable", "paqet-server", "--health", "5m");
    assertThat(enable.exit()).as(enable.out() + enable.err()).isZero();
    assertThat(enable.out().replaceAll("\\s+", " "))
        .contains(
            "replaces /etc/cron.d/paqet-health-paqet-server, which watchdog-menu did not write: it"
                + " is kept as a backup and comes back with undo/disable");
    assertThat(Files.readString(file)).startsWith("# Managed by watchdog-menu");
    assertThat(run("status", "paqet-server").out()).contains("Health check:  Every 5 minutes");

    Jar.Run disable = run("disable", "paqet-server", "--health");
    assertThat(disable.exit()).as(disable.out() + disable.err()).isZero();
    assertThat(Files.readString(file)).isEqualTo(old);
  }

  @Test
  void pm2HousekeepingRefusesAnAppFolderThatIsNotOne() throws Exception {
    String before = sandbox.snapshot();
    for (String bad : new String[] {"", "app", "./app", "/", "//"}) {
      Jar.Run r = run("units", "--pm2-housekeeping", "root", "--app-dir", bad);
      assertThat(r.exit()).as("'" + bad + "': " + r.out() + r.err()).isEqualTo(2);
      assertThat(r.err().strip())
          .as(bad)
          .doesNotContain("\n")
          .contains("the app folder (--app-dir)")
          .contains("e.g. /home/ubuntu/app");
      assertThat(r.out()).as(bad).isEmpty();
    }
    assertThat(sandbox.snapshot()).isEqualTo(before);
  }

  @Test
  void aDryRunShowsTheDiffAndWritesNothing() throws Exception {
    String before = sandbox.snapshot();
    Jar.Run dry = run("enable", "paqet-client", "--restart", "1h", "--dry-run");
    assertThat(dry.exit()).isZero();
    assertThat(dry.out())
        .contains("+++ /etc/cron.d/paqet-restart-paqet-client (new)")
        .contains("+0 * * * * root ")
        .contains("Dry run: nothing was changed.");
    assertThat(sandbox.snapshot()).isEqualTo(before);
  }

  @Test
  void badSchedulesAreOneLineAndWriteNothing() throws Exception {
    String before = sandbox.snapshot();
    for (String bad :
        new String[] {"5m; rm -rf /", "5m\n* * * * * root sh", "../1h", "0m", "25h", "24:00"}) {
      Jar.Run run = run("enable", "paqet-server", "--health", bad);
      assertThat(run.exit()).as(bad + ": " + run.out() + run.err()).isEqualTo(2);
      assertThat(run.err().strip()).as(bad).doesNotContain("\n").doesNotContain("Exception");
    }
    assertThat(sandbox.snapshot()).isEqualTo(before);
  }

  @Test
  void aSudoRuleThatAmountsToRootNeedsYes() throws Exception {
    String before = sandbox.snapshot();
    Jar.Run refused =
        run("sudoers", "operator", "--target", "paqet-server", "--command", "/bin/sh -c *");
    assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(1);
    assertThat(refused.out()).containsIgnoringCase("root");
    assertThat(sandbox.snapshot()).isEqualTo(before);

    Jar.Run granted =
        run(
            "sudoers",
            "operator",
            "--target",
            "paqet-server",
            "--command",
            "/bin/sh -c *",
            "--yes");
    assertThat(granted.exit()).as(granted.out() + granted.err()).isZero();
    Path file = sandbox.path("/etc/sudoers.d/watchdog-menu-operator");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("r--r-----");
    assertThat(Files.readString(file))
        .contains(
            "NOPASSWD: /usr/local/bin/watchdog-menu --root " + sandbox.root + " check paqet-server")
        .contains("NOPASSWD: /usr/bin/systemctl restart paqet-server.service");

    Jar.Run added = run("sudoers", "operator", "--add", "--target", "paqet-client", "--yes");
    assertThat(added.exit()).as(added.out() + added.err()).isZero();
    assertThat(added.out()).contains("sudoers operator --add --target paqet-client");
    assertThat(Files.readString(file))
        .contains("NOPASSWD: /bin/sh -c *")
        .contains("NOPASSWD: /usr/bin/systemctl restart paqet-server.service")
        .contains("NOPASSWD: /usr/bin/systemctl restart paqet-client.service");
  }

  @Test
  void sudoersForAllAnAliasOrAnUnknownAccountIsOneLineExit2AndNothingWritten() throws Exception {
    String before = sandbox.digest();
    String[][] cases = {
      {"ALL", "sudoers user 'ALL' means every account to sudo"},
      {"OPS", "sudoers user 'OPS' is written like a sudoers alias"},
      {"bob", "user bob is not in /etc/passwd: create the account first (useradd bob)"},
      {"%wheel", "group wheel is not in /etc/group: create it first (groupadd wheel)"},
    };
    for (String[] c : cases) {
      Jar.Run run = run("sudoers", c[0], "--target", "paqet-server", "--yes");
      assertThat(run.exit()).as(c[0] + ": " + run.out() + run.err()).isEqualTo(2);
      assertThat(run.err().strip()).as(c[0]).startsWith(c[1]).doesNotContain("\n");
      assertThat(run.err()).doesNotContain("Exception");
      assertThat(run.out()).as(c[0]).isEmpty();
    }
    assertThat(sandbox.digest()).isEqualTo(before);

    Jar.Run group = run("sudoers", "%ops", "--target", "paqet-server");
    assertThat(group.exit()).as(group.out() + group.err()).isZero();
    assertThat(Files.readString(sandbox.path("/etc/sudoers.d/watchdog-menu-group-ops")))
        .contains("%ops ALL=(root) NOPASSWD: /usr/bin/systemctl restart paqet-server.service");
  }

  @Test
  void programsThatPageOrInstallNeedYesEvenWithFixedArguments() throws Exception {
    String before = sandbox.digest();
    for (String command :
        new String[] {
          "/usr/bin/journalctl -u paqet-server",
          "/usr/bin/systemctl",
          "/usr/bin/apt-get",
          "/usr/bin/emqx",
          "/usr/bin/python3.11 /opt/x.py",
          "/usr/bin/vim.basic /etc/hosts"
        }) {
      Jar.Run refused = run("sudoers", "operator", "--command", command);
      assertThat(refused.exit()).as(command + ": " + refused.out() + refused.err()).isEqualTo(1);
      assertThat(refused.err().strip())
          .as(command)
          .startsWith("Not applied: operator: '" + command + "'")
          .endsWith("Run again with --yes if that is what you want.")
          .doesNotContain("\n");
    }
    assertThat(sandbox.digest()).isEqualTo(before);

    Jar.Run fixed = run("sudoers", "operator", "--command", "/usr/bin/emqx ctl status");
    assertThat(fixed.exit()).as(fixed.out() + fixed.err()).isZero();
    assertThat(fixed.out()).doesNotContain("WARNING", "CONFIRMATION");
  }

  @Test
  void undoTakesBackTheLastApplyAndUninstallLeavesNothingOfOurs() throws Exception {
    Path existing = sandbox.path("/etc/cron.d/paqet-restart-paqet-server");
    Files.createDirectories(existing.getParent());
    Files.writeString(
        existing, "# the operator's own line\n0 3 * * * root /usr/local/bin/restart-paqet\n");
    String before = sandbox.files();
    assertThat(run("enable", "paqet-server", "--health", "2m").exit()).isZero();
    assertThat(run("enable", "paqet-server", "--restart", "4h", "--yes").exit()).isZero();
    assertThat(Files.readString(existing)).contains("0 */4 * * * root");

    Jar.Run undo = run("undo");
    assertThat(undo.exit()).as(undo.out() + undo.err()).isZero();
    assertThat(Files.readString(existing)).contains("/usr/local/bin/restart-paqet");
    assertThat(sandbox.path(HEALTH_CRON)).exists();

    Jar.Run doctor = run("doctor");
    assertThat(doctor.exit()).as(doctor.out() + doctor.err()).isZero();
    String installed = Files.readString(sandbox.path(HEALTH_CRON));
    Files.writeString(sandbox.path(HEALTH_CRON), installed.replace("*/2", "*/3"));
    Jar.Run sick = run("doctor");
    assertThat(sick.exit()).isEqualTo(1);
    assertThat(sick.out()).contains(HEALTH_CRON);
    // uninstall will not remove a file edited by hand: it names it and changes nothing
    Jar.Run refused = run("uninstall");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err().strip()).doesNotContain("\n").contains(HEALTH_CRON, "changed by hand");
    Files.writeString(sandbox.path(HEALTH_CRON), installed);

    Jar.Run uninstall = run("uninstall");
    assertThat(uninstall.exit()).as(uninstall.out() + uninstall.err()).isZero();
    assertThat(sandbox.path(HEALTH_CRON)).doesNotExist();
    assertThat(Files.readString(existing)).contains("/usr/local/bin/restart-paqet");
    assertThat(sandbox.files())
        .as("the files left: the operator's own, as it was")
        .isEqualTo(before);
  }

  @Test
  void aDropInAndLingerComeOffFromTheCommandLineAsTheMenuTakesThemOff() throws Exception {
    String before = sandbox.files();
    String dropIn = "/etc/systemd/system/paqet-server.service.d/watchdog-menu.conf";
    Jar.Run put = run("units", "--restart-policy", "paqet-server");
    assertThat(put.exit()).as(put.out() + put.err()).isZero();
    assertThat(sandbox.path(dropIn)).exists();
    Jar.Run again = run("units", "--restart-policy", "paqet-server.service", "--dry-run");
    assertThat(again.out()).contains("Nothing to change");

    Jar.Run dry = run("units", "--remove-restart-policy", "paqet-server", "--dry-run");
    assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
    assertThat(dry.out())
        .contains("remove  " + dropIn)
        .contains("remove  /etc/systemd/system/watchdog-menu-alert@.service")
        .contains("units --remove-restart-policy paqet-server.service");
    Jar.Run removed = run("units", "--remove-restart-policy", "paqet-server");
    assertThat(removed.exit()).as(removed.out() + removed.err()).isZero();
    assertThat(sandbox.path(dropIn)).doesNotExist();
    Jar.Run none = run("units", "--remove-restart-policy", "paqet-server");
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err().strip())
        .doesNotContain("\n")
        .contains("no restart-policy drop-in of paqet-server.service was installed");

    assertThat(run("linger", "operator").exit()).isZero();
    assertThat(run("linger", "operator", "--status").out()).contains("enabled");
    Jar.Run off = run("linger", "operator", "--off");
    assertThat(off.exit()).as(off.out() + off.err()).isZero();
    assertThat(run("linger", "operator", "--status").out()).contains("not enabled");
    assertThat(run("linger", "operator", "--off", "--dry-run").out())
        .contains("linger is already off for operator");

    assertThat(run("undo").exit()).isZero();
    assertThat(run("linger", "operator", "--status").out())
        .contains("Linger for operator: enabled");
    assertThat(run("uninstall").exit()).isZero();
    assertThat(sandbox.files()).isEqualTo(before);
  }
}
