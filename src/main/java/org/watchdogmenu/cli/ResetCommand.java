package org.watchdogmenu.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.watchdogmenu.model.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code reset TARGET}: clears the restart history, so restarts are allowed again at once. */
@Command(
    name = "reset",
    mixinStandardHelpOptions = true,
    description = {
      "Clears a target's restart history, so the cap and the cooldown start afresh.",
      "The history file is left empty; the next restart is allowed at once."
    },
    footerHeading = "%nExample:%n",
    footer = "  watchdog-menu reset paqet-server")
final class ResetCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TARGET", description = "The target id, e.g. paqet-server.")
  String targetId;

  @Override
  public Integer call() throws IOException {
    Target target = top.target(targetId);
    if (!top.engine().reset(target, spec.commandLine().getOut())) {
      spec.commandLine()
          .getErr()
          .println(
              "A restart of "
                  + target.id()
                  + " is in progress (its lock is busy): try again in a moment");
      return ExitCodes.FAILURE;
    }
    return ExitCodes.OK;
  }
}
