package org.watchdogmenu.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.watchdogmenu.install.Doctor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code doctor}: re-validates everything installed with the real tools. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Checks every file watchdog-menu installed again with the real tools.",
      "The tools are cron's rules, visudo, systemd-analyze and logrotate; it says what is wrong"
          + " with each file: missing, edited by hand, mode. It also names target files,"
          + " alerts.yaml, monitor.yaml and metrics.yaml that do not load or are refused (not"
          + " root's, writable by others), and programs root runs that others can change."
    },
    footerHeading = "%nExample:%n",
    footer = "  watchdog-menu doctor")
final class DoctorCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Doctor.Report report = new Doctor(top.host()).report();
    report.verdicts().forEach(v -> out.println(v.subject() + ": " + v.words()));
    if (report.healthy()) {
      out.println(
          "Every installed file is in place and passes its checks; every settings file loads,"
              + " and only root can change the programs root runs.");
      return ExitCodes.OK;
    }
    out.println(report.problems() + " problem(s): see the lines above.");
    return ExitCodes.FAILURE;
  }
}
