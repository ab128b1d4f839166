package org.watchdogmenu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.watchdogmenu.alert.NewChannel;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.catalog.Setting;
import org.watchdogmenu.catalog.TargetFiles;
import org.watchdogmenu.install.Applier;
import org.watchdogmenu.install.Feature;
import org.watchdogmenu.install.Plan;
import org.watchdogmenu.install.Planner;
import org.watchdogmenu.install.Schedule;
import org.watchdogmenu.install.SudoersRequest;
import org.watchdogmenu.install.UserUnitRequest;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;

/**
 * Every plan's title is the command line the menu shows under "Same as the command:". Typed into a
 * shell, it must make the same plan: each title is split into words by bash, run through the real
 * command line with {@code --dry-run} on the same root, and the plan it prints must be the plan the
 * menu showed.
 */
class PlanTitlesIT {
  @TempDir Path dir;
  private Path root;
  private Planner planner;
  private Applier applier;
  private Catalog catalog;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectories(dir.resolve("root"));
    Files.createDirectories(root.resolve("etc/cron.d"));
    Files.writeString(
        root.resolve("etc/passwd"),
        "root:x:0:0:root:/root:/bin/bash\n"
            + "satinder:x:1000:1000::/home/satinder:/bin/bash\n"
            + "operator:x:1001:1001::/home/operator:/bin/sh\n"
            + "deploy:x:1002:1002::/home/deploy:/bin/bash\n");
    Files.writeString(
        root.resolve("etc/group"),
        "root:x:0:\nsatinder:x:1000:\noperator:x:1001:\ndeploy:x:1002:\nops:x:1010:operator\n");
    Host host = Host.system(new HostRoot(root));
    planner = new Planner(host);
    applier = new Applier(host);
    catalog = Catalog.load(host.root());
  }

  private Target target(String id) {
    return catalog.target(id);
  }

  private static DynamicTest plan(String name, Supplier<Plan> plan) {
    return DynamicTest.dynamicTest(name, () -> assertTheTitleMakesTheSamePlan(plan.get()));
  }

  @TestFactory
  Stream<DynamicTest> schedules() {
    return Stream.of(
        plan("health every 5 minutes", () -> enable("paqet-server", Feature.HEALTH, "5m")),
        plan("health every 7 minutes (uneven)", () -> enable("paqet-server", Feature.HEALTH, "7m")),
        plan("health every hour", () -> enable("paqet-server", Feature.HEALTH, "1h")),
        plan("restart every 30 minutes", () -> enable("paqet-server", Feature.RESTART, "30m")),
        plan("restart every 2 hours", () -> enable("paqet-server", Feature.RESTART, "2h")),
        plan("restart daily", () -> enable("paqet-server", Feature.RESTART, "24h")),
        plan(
            "restart at times of day",
            () -> enable("paqet-server", Feature.RESTART, "08:00,16:00,00:00")),
        plan(
            "restart at times of different minutes",
            () -> enable("paqet-server", Feature.RESTART, "08:30,16:30,23:45")),
        plan(
            "health of a service run as a user, with linger",
            () -> enable("camera-platform", Feature.HEALTH, "5m")),
        plan(
            "disable the health check",
            () -> planner.disable(target("paqet-server"), EnumSet.of(Feature.HEALTH))),
        plan(
            "disable the restart",
            () -> planner.disable(target("paqet-server"), EnumSet.of(Feature.RESTART))),
        plan(
            "disable both",
            () -> planner.disable(target("paqet-server"), EnumSet.allOf(Feature.class))),
        plan("monitor on", () -> planner.monitorTarget(target("paqet-server"), true)),
        plan("monitor off", () -> planner.monitorTarget(target("paqet-server"), false)));
  }

  /**
   * Removals and undo: each plan is made after the change it takes back was applied to the root by
   * the real applier (the real systemd-analyze checks the units). A user's service is left out
   * here: it is written with the rights of its account, which this machine does not have.
   */
  @TestFactory
  Stream<DynamicTest> takingBack() {
    return Stream.of(
        plan(
            "linger off",
            () -> {
              applied(planner.linger("satinder"));
              return planner.lingerOff("satinder");
            }),
        plan(
            "remove a restart policy",
            () -> {
              applied(planner.restartPolicy("nginx.service"));
              return planner.removeRestartPolicy("nginx.service");
            }),
        plan(
            "remove an alert channel",
            () -> {
              applied(planner.alertChannel(commandChannel()));
              return planner.removeAlertChannel("ops-log");
            }),
        plan(
            "disable what was enabled",
            () -> {
              applied(enable("paqet-server", Feature.HEALTH, "5m"));
              return planner.disable(target("paqet-server"), EnumSet.of(Feature.HEALTH));
            }),
        plan(
            "undo",
            () -> {
              applied(enable("paqet-server", Feature.RESTART, "2h"));
              return planner.undo();
            }),
        plan(
            "uninstall",
            () -> {
              applied(enable("paqet-server", Feature.RESTART, "2h"));
              return planner.uninstall();
            }));
  }

  private void applied(Plan plan) {
    assertThat(applier.apply(plan, new Applier.Options(true)).commandsOk())
        .as(plan.preview())
        .isTrue();
  }

  private static NewChannel commandChannel() {
    return new NewChannel(
        NewChannel.Kind.COMMAND,
        "ops-log",
        "/usr/bin/logger -t watchdog-menu '{target} {event}: {message}'",
        NewChannel.timeout("10s"));
  }

  private Plan enable(String id, Feature feature, String schedule) {
    return planner.enable(target(id), feature, Schedule.parse(schedule));
  }

  @TestFactory
  Stream<DynamicTest> access() {
    return Stream.of(
        plan(
            "sudoers for a user and a target",
            () ->
                planner.sudoers(
                    new SudoersRequest("operator", null, List.of(target("paqet-server")), null))),
        plan(
            "sudoers with a command, a file name of its own, kept and added to",
            () ->
                planner.sudoers(
                    new SudoersRequest(
                        "operator",
                        "ops-team",
                        List.of(target("paqet-server"), target("paqet-client")),
                        List.of(SudoersRequest.command("/usr/bin/systemctl status nginx.service"))),
                    true)),
        plan(
            "sudoers for a group",
            () ->
                planner.sudoers(
                    new SudoersRequest("%ops", null, List.of(target("camera-platform")), null))),
        plan("linger", () -> planner.linger("satinder")),
        plan(
            "a user's service",
            () -> planner.userUnit(UserUnitRequest.forCommandTarget(target("camera-platform")))),
        plan("restart policy", () -> planner.restartPolicy("nginx.service")),
        plan("monitor service", () -> planner.monitor()),
        plan("pm2 housekeeping", () -> planner.pm2Housekeeping("deploy", "/home/deploy/app")));
  }

  @TestFactory
  Stream<DynamicTest> filesOfTheSite() {
    return Stream.of(
        plan(
            "target set",
            () ->
                planner.targetFile(
                    new TargetFiles(catalog)
                        .set(
                            "paqet-server",
                            List.of(
                                Setting.parse("policy.cooldown=60s"),
                                Setting.parse("title=Paqet server (main)"))))),
        plan(
            "target add",
            () ->
                planner.targetFile(
                    new TargetFiles(catalog)
                        .add(
                            "demo",
                            List.of(
                                Setting.parse("service.kind=command"),
                                Setting.parse("service.restart=/opt/demo/restart.sh"),
                                Setting.parse("probes.0.type=tcp-listen"),
                                Setting.parse("probes.0.port=8080"))))),
        plan("alert channel: a command", () -> planner.alertChannel(commandChannel())));
  }

  /**
   * The title as bash splits it (commands joined by {@code &&}), each command run with {@code
   * --dry-run}: the first makes the whole plan, the others each make the part they name.
   */
  private static void assertTheTitleMakesTheSamePlan(Plan plan) throws Exception {
    // The undo plan's title ends with the apply it undoes as a shell comment: bash drops it.
    String line = plan.commandLine();
    List<List<String>> commands = asBashSplitsIt(line);
    assertThat(commands).as("commands in: " + line).isNotEmpty();
    for (int i = 0; i < commands.size(); i++) {
      List<String> argv = new ArrayList<>(commands.get(i));
      argv.add("--dry-run");
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit =
          WatchdogMenuCommand.run(
              new PrintWriter(out, true), new PrintWriter(err, true), argv.toArray(String[]::new));
      String what = "watchdog-menu " + String.join(" ", argv) + "\n" + err;
      assertThat(exit).as(what).isZero();
      assertThat(err.toString()).as(what).isEmpty();
      if (i == 0) {
        assertThat(out.toString())
            .as(what)
            .isEqualTo(plan.preview() + "Dry run: nothing was changed.\n");
      } else {
        assertThat(out.toString())
            .as(what)
            .startsWith("Plan: watchdog-menu " + String.join(" ", commands.get(i)) + "\n");
      }
    }
  }

  /**
   * The arguments of each {@code watchdog-menu} command in the line, as bash reads them: bash runs
   * the line with {@code watchdog-menu} a function that prints its arguments.
   */
  private static List<List<String>> asBashSplitsIt(String line) throws Exception {
    Path empty = Files.createTempDirectory("titles");
    Process bash =
        new ProcessBuilder(
                "bash",
                "-c",
                "watchdog-menu() { printf '%s\\0' \"$@\"; printf '\\1'; }\n" + line,
                "bash")
            .directory(empty.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    byte[] stdout = bash.getInputStream().readAllBytes();
    String stderr = new String(bash.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Files.delete(empty);
    assertThat(bash.exitValue()).as("bash -c " + line + "\n" + stderr).isZero();
    List<List<String>> commands = new ArrayList<>();
    for (String command : new String(stdout, StandardCharsets.UTF_8).split("\1")) {
      if (!command.isEmpty()) {
        commands.add(Arrays.asList(command.substring(0, command.length() - 1).split("\0", -1)));
      }
    }
    return commands;
  }
}
