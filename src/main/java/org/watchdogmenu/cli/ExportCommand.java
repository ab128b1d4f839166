package org.watchdogmenu.cli;

import java.util.concurrent.Callable;
import org.watchdogmenu.apply.Export;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code export}: this host's state as a desired-state file for {@code apply}. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Prints this host's setup as a file that 'watchdog-menu apply' takes.",
      "It lists the site target files, the schedules read back from /etc/cron.d, the monitor's"
          + " targets, the alert channels, the sudoers grants, linger and the units that"
          + " watchdog-menu wrote. Secrets are not printed: each becomes KEY_env: VARIABLE, and"
          + " the header lists the variables to set for the apply."
    },
    footerHeading = "%nExamples:%n",
    footer = {"  watchdog-menu export > host.yaml", "  watchdog-menu export --root /srv/sandbox"})
final class ExportCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(Export.of(top.host().root(), top.catalog()));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
