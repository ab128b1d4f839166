package org.watchdogmenu.cli;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.watchdogmenu.engine.Maintenance;
import org.watchdogmenu.engine.Pause;
import org.watchdogmenu.model.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code resume TARGET}: ends a maintenance pause before its time. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Ends a target's maintenance pause now, so restarts and alerts are back on.",
      "The next check restarts the target again if it fails. A target that is not paused is left"
          + " as it is (exit 0), so a deploy script may always call it."
    },
    footerHeading = "%nExample:%n",
    footer = "  watchdog-menu resume paqet-server",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:not paused any more (or was not paused)",
      "1:the pause file could not be removed",
      "2:usage or input error"
    })
final class ResumeCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TARGET", description = "The target id, e.g. paqet-server.")
  String targetId;

  @Override
  public Integer call() throws IOException {
    Target target = top.target(targetId);
    Optional<Pause> was =
        new Maintenance(top.host(), top.catalog().knownIds()::contains)
            .resume(target, spec.commandLine().getOut());
    if (was.isEmpty()) {
      spec.commandLine().getOut().println(target.id() + " was not paused: nothing to resume");
    }
    return ExitCodes.OK;
  }
}
