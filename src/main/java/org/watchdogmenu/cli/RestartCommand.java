package org.watchdogmenu.cli;

import java.util.concurrent.Callable;
import org.watchdogmenu.engine.RestartGuard;
import org.watchdogmenu.engine.RestartRequest;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.model.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code restart TARGET}: a scheduled or manual restart through the guard. */
@Command(
    name = "restart",
    mixinStandardHelpOptions = true,
    description = {
      "Restarts a target through the guard, whatever its health.",
      "The restart is skipped while the cooldown runs, when the restart cap is reached or while"
          + " the target is paused (watchdog-menu pause), unless --force. Every restart is"
          + " recorded in the target's restart history."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  watchdog-menu restart paqet-server",
      "  watchdog-menu restart paqet-server --source cron   as cron does",
      "  watchdog-menu restart svc-mingus-backend --force   skip cooldown, cap"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:restarted (or, with --dry-run, would restart)",
      "1:not restarted: held back by protection or a pause, lock busy, or the restart failed",
      "2:usage or input error"
    })
final class RestartCommand implements Callable<Integer> {
  /** Who asks for the restart; recorded in the state file. */
  enum Source {
    cron,
    manual;

    RestartSource restartSource() {
      return switch (this) {
        case cron -> RestartSource.CRON;
        case manual -> RestartSource.MANUAL;
      };
    }
  }

  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TARGET", description = "The target id, e.g. paqet-server.")
  String targetId;

  @Option(
      names = "--source",
      paramLabel = "SOURCE",
      defaultValue = "manual",
      description = "Who asks: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Source source;

  @Option(
      names = "--force",
      description = "Skip the cooldown, the restart cap and a pause (still recorded).")
  boolean force;

  @Option(names = "--dry-run", description = "Say what would be done; change nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    Target target = top.target(targetId);
    RestartRequest request = RestartRequest.ofOptions(source.restartSource(), force, dryRun);
    RestartGuard.Result result = top.engine().restart(target, request, spec.commandLine().getOut());
    boolean done =
        result == RestartGuard.Result.RESTARTED || result == RestartGuard.Result.WOULD_RESTART;
    return done ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
