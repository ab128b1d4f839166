package org.watchdogmenu.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.watchdogmenu.engine.Maintenance;
import org.watchdogmenu.engine.Pause;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.model.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code pause TARGET --for 30m [--reason TEXT]}: a maintenance pause (a deploy, a planned stop).
 */
@Command(
    name = "pause",
    mixinStandardHelpOptions = true,
    description = {
      "Holds a target's automatic restarts and alerts for a while, e.g. during a deploy.",
      "Checks still run and log what they find, but no failed check, monitor or scheduled restart"
          + " restarts the target, and its failure alerts are held. The pause ends by itself after"
          + " --for (at most 7d, also over a reboot), or at 'watchdog-menu resume TARGET'."
          + " 'watchdog-menu restart TARGET --force' still restarts it. Pausing a paused target"
          + " sets a new end. The pause, its end and its reason go into the target's health log."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  watchdog-menu pause paqet-server --for 30m --reason \"deploy\"",
      "  watchdog-menu pause pm2-codebox --for 2h --reason \"database migration\"",
      "  watchdog-menu resume paqet-server                 end it sooner"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:paused",
      "1:not paused: the pause file could not be written",
      "2:usage or input error (a missing or bad --for, a bad --reason)"
    })
final class PauseCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TARGET", description = "The target id, e.g. paqet-server.")
  String targetId;

  @Option(
      names = "--for",
      required = true,
      paramLabel = "DURATION",
      description = "How long the pause lasts: 30m, 2h, 1d (at most 7d).")
  String length;

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      defaultValue = "",
      description = "Why, in one line (shown in status, the menu and the log).")
  String reason;

  @Override
  public Integer call() throws IOException {
    Duration d = length(length);
    Optional<String> problem = Pause.reasonProblem(reason);
    if (problem.isPresent()) {
      throw new InputError(spec.commandLine(), problem.get());
    }
    Target target = top.target(targetId);
    Pause pause =
        new Maintenance(top.host(), top.catalog().knownIds()::contains)
            .pause(target, d, reason, spec.commandLine().getOut());
    spec.commandLine()
        .getOut()
        .println(
            target.id()
                + " is paused until "
                + pause.until()
                + " (in "
                + Pause.span(d)
                + "): 'watchdog-menu resume "
                + target.id()
                + "' ends it sooner");
    return ExitCodes.OK;
  }

  /** The pause's length, or an input error naming what is accepted. */
  private Duration length(String text) {
    Duration d;
    try {
      d = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InputError(spec.commandLine(), "--for: " + e.getMessage());
    }
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new InputError(
          spec.commandLine(), "--for " + text + " is no pause: give a length such as 30m or 2h");
    }
    if (d.compareTo(Pause.MAX) > 0) {
      throw new InputError(
          spec.commandLine(),
          "--for "
              + text
              + " is longer than a pause may last (7d): pause for 7d at most, and pause again"
              + " if the work takes longer");
    }
    return d;
  }
}
