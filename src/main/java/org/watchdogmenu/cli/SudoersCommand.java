package org.watchdogmenu.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.watchdogmenu.install.Planner;
import org.watchdogmenu.install.SudoersRequest;
import org.watchdogmenu.model.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sudoers USER --target T --command "/usr/bin/emqx ctl status"}. */
@Command(
    name = "sudoers",
    mixinStandardHelpOptions = true,
    description = {
      "Lets an operator run, without a password, only what some targets need.",
      "The grant is watchdog-menu check and restart of each target and its service's own"
          + " restart, plus exact extra commands. It is checked with visudo before it is installed"
          + " in /etc/sudoers.d (0440 root). A command without fixed arguments, with a wildcard,"
          + " or whose program can start a shell, run other programs or write any file (shells,"
          + " interpreters, editors, pagers, journalctl, package and file tools) amounts to full"
          + " root and needs --yes."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  watchdog-menu sudoers alice --target paqet-server --target paqet-client",
      "  watchdog-menu sudoers %%ops --target camera-platform \\",
      "      --command \"/usr/bin/emqx ctl status\""
    })
final class SudoersCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;
  @Mixin PlanOptions plan;

  @Parameters(
      paramLabel = "USER",
      description = "The operator's account (in /etc/passwd), or %%GROUP (in /etc/group).")
  String user;

  @Option(
      names = "--target",
      paramLabel = "TARGET",
      description = "A target the operator may check and restart (repeatable).")
  List<String> targets = new ArrayList<>();

  @Option(
      names = "--command",
      paramLabel = "LINE",
      description =
          "An extra command with its full path, e.g. \"/usr/bin/emqx ctl status\" (repeatable).")
  List<String> commands = new ArrayList<>();

  @Option(
      names = "--name",
      paramLabel = "FILE",
      description = "The file name in /etc/sudoers.d (default: watchdog-menu-USER).")
  String name;

  @Option(
      names = "--add",
      description = "Keep what the file already grants and add these targets and commands to it.")
  boolean add;

  @Override
  public Integer call() {
    List<Target> resolved = targets.stream().map(top::target).toList();
    return PlanRun.run(
        spec,
        top,
        () ->
            new Planner(top.host())
                .sudoers(
                    new SudoersRequest(
                        user,
                        name,
                        resolved,
                        commands.stream().map(SudoersRequest::command).toList()),
                    add),
        plan.dryRun,
        plan.yes);
  }
}
