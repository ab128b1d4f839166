package org.watchdogmenu.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.watchdogmenu.engine.CheckMode;
import org.watchdogmenu.engine.CheckReport;
import org.watchdogmenu.engine.HealthCheck;
import org.watchdogmenu.model.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code check TARGET}: health check, and a guarded restart when it fails. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a target's health and restarts it through the guard when it is unhealthy.",
      "The check looks at the service's state and grace period, then runs the probes with"
          + " retries. An unhealthy target is restarted through the guard (lock, cooldown,"
          + " restart cap); the check waits the grace period, checks again and escalates through"
          + " further recovery levels. Nagios, Icinga and Zabbix can call it as a plugin."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  watchdog-menu check paqet-server",
      "  watchdog-menu check pm2-codebox --no-restart    only check (Nagios)",
      "  watchdog-menu check camera-platform --dry-run   say what it would do"
    },
    exitCodeListHeading = "%nExit codes (Nagios plugin convention):%n",
    exitCodeList = {
      "0:OK: healthy, or inside its grace period",
      "1:WARNING: was unhealthy, recovered by a restart",
      "2:CRITICAL: unhealthy and not recovered, including a restart held back by protection"
          + " (limit reached, cooldown, lock busy) or by a maintenance pause",
      "3:UNKNOWN: bad configuration or input, a probe could not run, or the service answers"
          + " but the probe's own settings are wrong (never restarts)"
    })
final class CheckCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TARGET", description = "The target id, e.g. paqet-server.")
  String targetId;

  @Option(names = "--no-restart", description = "Check only; never restart.")
  boolean noRestart;

  @Option(
      names = "--dry-run",
      description = "Say what would be done; change nothing, write no log.")
  boolean dryRun;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Target target = top.target(targetId);
    CheckReport report =
        top.engine()
            .check(target, HealthCheck.Options.health(CheckMode.ofOptions(noRestart, dryRun)), out);
    return report.outcome().exitCode();
  }
}
