package org.watchdogmenu.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top command: {@code watchdog-menu} with its subcommands. */
@Command(
    name = "watchdog-menu",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Guarded health checks and scheduled restarts for Linux services.")
public final class WatchdogMenuCommand implements Runnable {

  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new WatchdogMenuCommand());
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }

  @Override
  public void run() {}
}
