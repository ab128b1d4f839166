package org.watchdogmenu.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.watchdogmenu.engine.LogFiles;
import org.watchdogmenu.model.Target;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code logs TARGET}: the end of a target's health or restart log. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the end of a target's health-check log (default) or restart log.",
      "The logs are the target's paths.health_log and paths.cron_log."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  watchdog-menu logs paqet-server -n 100",
      "  watchdog-menu logs paqet-server --cron --follow"
    })
final class LogsCommand implements Callable<Integer> {
  @ParentCommand WatchdogMenuCommand top;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TARGET", description = "The target id, e.g. paqet-server.")
  String targetId;

  @ArgGroup(exclusive = true)
  Which which = new Which();

  /** Which of the two logs. */
  static final class Which {
    @Option(names = "--health", description = "The health-check log (default).")
    boolean health;

    @Option(names = "--cron", description = "The restart log (scheduled and manual restarts).")
    boolean cron;
  }

  @Option(
      names = "-n",
      paramLabel = "N",
      defaultValue = "50",
      description = "How many lines (default: ${DEFAULT-VALUE}).")
  int lines;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing lines as they are written (Ctrl-C stops).")
  boolean follow;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Target target = top.target(targetId);
    if (lines < 0) {
      spec.commandLine()
          .getErr()
          .println("-n " + lines + " is negative: give a number of lines, 0 or more");
      return ExitCodes.USAGE;
    }
    String hostPath = which.cron ? target.paths().cronLog() : target.paths().healthLog();
    Path file = top.host().root().resolve(hostPath);
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.exists(file) && !follow) {
      spec.commandLine()
          .getErr()
          .println(
              hostPath
                  + " does not exist yet: "
                  + target.id()
                  + " has not been "
                  + (which.cron ? "restarted" : "checked")
                  + " here");
      return ExitCodes.FAILURE;
    }
    if (Files.exists(file)) {
      LogFiles.tail(file, lines).forEach(out::println);
      out.flush();
    }
    if (follow) {
      LogFiles.follow(
          file,
          250,
          line -> {
            out.println(line);
            out.flush();
          },
          () -> Thread.currentThread().isInterrupted());
    }
    return ExitCodes.OK;
  }
}
