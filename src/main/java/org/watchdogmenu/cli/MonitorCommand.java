package org.watchdogmenu.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.watchdogmenu.monitor.Monitor;
import org.watchdogmenu.monitor.MonitorList;
import org.watchdogmenu.os.Host;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code monitor [TARGET...]}: the continuous monitor, run until SIGTERM. */
@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    description = {
      "Checks targets continuously, each at its own interval, until it is stopped.",
      "Each target is checked every policy.interval (default 30s) with the same flow, guard and"
          + " history as 'check' (recorded as source 'monitor'). Without TARGET it checks those"
          + " of "
          + MonitorList.FILE
          + " ('enable TARGET --monitor'). SIGHUP, or a change to a target file, reloads; an"
          + " invalid file keeps its last good settings. SIGTERM stops it: no new checks, running"
          + " ones finish, exit 0. It beats /var/lib/watchdog-menu/monitor.heartbeat and, under"
          + " systemd, its watchdog ('units --monitor' installs its service)."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  watchdog-menu monitor", "  watchdog-menu monitor pm2-codebox svc-mingus-backend"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped cleanly", "1:failure", "2:usage or input error"})
final class MonitorCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "TARGET",
      arity = "0..*",
      description = "Targets to check (default: those of " + MonitorList.FILE + ").")
  List<String> targetIds = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    targetIds.forEach(top::target);
    run(top.host(), targetIds, spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  /** Runs the monitor of these targets (none: the monitor list's) until it is stopped. */
  static void run(Host host, List<String> targetIds, PrintWriter out) throws InterruptedException {
    new Monitor(
            host,
            targetIds,
            out,
            System.getenv(),
            ProcessHandle.current().pid(),
            ChildCompiler.of(host.runner()))
        .withSignals()
        .run();
  }
}
