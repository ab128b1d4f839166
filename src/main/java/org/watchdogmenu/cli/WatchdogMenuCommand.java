package org.watchdogmenu.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.catalog.CatalogException;
import org.watchdogmenu.engine.Engine;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.tui.Menu;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top command: {@code watchdog-menu} with its subcommands and global options; without a
 * subcommand it starts the menu.
 */
@Command(
    name = "watchdog-menu",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Guarded health checks and scheduled restarts for Linux services.",
      "Without a command, watchdog-menu opens the menu: pick a system, a role and a feature, see"
          + " its state, preview the files it writes, and confirm. The menu needs a terminal"
          + " (ssh -t). The commands below do the same from a script or cron; the menu shows the"
          + " command line of every change it makes."
    },
    subcommands = {
      CheckCommand.class,
      RestartCommand.class,
      StatusCommand.class,
      ResetCommand.class,
      PauseCommand.class,
      ResumeCommand.class,
      ListCommand.class,
      LogsCommand.class,
      EnableCommand.class,
      DisableCommand.class,
      SudoersCommand.class,
      LingerCommand.class,
      UnitsCommand.class,
      UndoCommand.class,
      UninstallCommand.class,
      DoctorCommand.class,
      MonitorCommand.class,
      CompileCommand.class,
      AlertCommand.class,
      TargetCommand.class,
      ApplyCommand.class,
      ExportCommand.class,
      AlarmsCommand.class,
      HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sudo watchdog-menu                        open the menu",
      "  watchdog-menu list                        systems, roles and targets",
      "  sudo watchdog-menu check paqet-server     check, restart if unhealthy",
      "  sudo watchdog-menu enable paqet-server --health 5m",
      "  sudo watchdog-menu status paqet-server",
      "  watchdog-menu help enable                 one command's help",
      "",
      "Files:",
      "  /etc/watchdog-menu/targets/*.yaml  target files; with alerts.yaml and monitor.yaml, used",
      "                                     only when root owns them and nobody else can write them",
      "  /var/lib/watchdog-menu/state/      restart history, one file per target",
      "  /run/watchdog-menu/                locks (root only, so no account can block a restart)",
      "Root writes nothing through a link or into another account's folder, and reads pid",
      "files and logs only as regular files (see the README's \"Safe as root\").",
      "",
      "The manual page, man watchdog-menu, has every command with its options."
    },
    exitCodeListHeading = "%nExit codes (check has its own, see 'watchdog-menu check --help'):%n",
    exitCodeList = {
      "0:success",
      "1:failure (the action did not happen)",
      "2:usage or input error, or no terminal for the menu"
    })
public final class WatchdogMenuCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description = "Treat DIR as / for every file read or written (default: /).")
  Path root = Path.of("/");

  @Option(
      names = "--no-color",
      scope = ScopeType.INHERIT,
      description = "No colours in the output (also when NO_COLOR is set).")
  boolean noColor;

  @Option(
      names = "--ascii",
      scope = ScopeType.INHERIT,
      description = "ASCII borders and text in the menu (also when the locale is not UTF-8).")
  boolean ascii;

  private Catalog catalog;
  private Host host;

  public static int run(PrintWriter out, PrintWriter err, String... args) {
    // the plain forms of what cron, a unit's OnFailure=, the monitor's unit and a person at the
    // menu start run
    // without building the model of every command; they leave anything else to it
    OptionalInt fast = CronRun.run(out, err, args);
    fast = fast.isPresent() ? fast : AlertRun.run(out, err, args);
    fast = fast.isPresent() ? fast : MonitorRun.run(out, err, args);
    fast = fast.isPresent() ? fast : MenuRun.run(err, args);
    return fast.isPresent() ? fast.getAsInt() : commandLine(out, err).execute(args);
  }

  /**
   * The command line with its handlers and exit codes, writing to {@code out} and {@code err}: what
   * {@link #run} executes, and the model the manual page and the bash completion are made from.
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new WatchdogMenuCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
    CommandLine check = cli.getSubcommands().get("check");
    check.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.CHECK_UNKNOWN);
    check.getCommandSpec().exitCodeOnExecutionException(ExitCodes.CHECK_UNKNOWN);
    cli.getSubcommands()
        .get("help")
        .getCommandSpec()
        .usageMessage()
        .header("Shows the help of a command, or of watchdog-menu without one.")
        .description("With COMMAND it shows that command's help, e.g. watchdog-menu help check.")
        .footerHeading("%nExamples:%n")
        .footer("  watchdog-menu help", "  watchdog-menu help enable");
    cli.setParameterExceptionHandler(
        (e, ignoredArgs) -> {
          CommandLine c = e.getCommandLine();
          c.getErr().println(UsageErrors.line(e));
          return c.getCommandSpec().exitCodeOnInvalidInput();
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine
              .getErr()
              .println("watchdog-menu: " + Denied.line(e, Denied.user()).orElse(String.valueOf(e)));
          return commandLine.getCommandSpec().exitCodeOnExecutionException();
        });
    return cli;
  }

  /** Without a subcommand: the menu (it needs a terminal; without one it names the commands). */
  @Override
  public Integer call() {
    return Menu.run(
        host(), catalog(), new Menu.Options(ascii, noColor), spec.commandLine().getErr());
  }

  /** The machine the commands act on: {@code /}, or the folder given with {@code --root}. */
  Host host() {
    if (host == null) {
      if (!Files.isDirectory(root)) {
        throw new InputError(
            invoked(), "--root " + root + " is not a folder: create it or name an existing one");
      }
      host = Host.system(new HostRoot(root));
    }
    return host;
  }

  /** The subcommand that runs, so input errors get its exit code ({@code check}: UNKNOWN). */
  private CommandLine invoked() {
    CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    return parsed != null && parsed.subcommand() != null
        ? parsed.subcommand().commandSpec().commandLine()
        : spec.commandLine();
  }

  /** The engine; its metrics keep the series of the targets the catalog has, and drop others. */
  Engine engine() {
    return new Engine(host(), catalog().knownIds()::contains);
  }

  /** The target with this id, or an input error that says what is wrong with the id. */
  Target target(String id) {
    try {
      return catalog().target(id);
    } catch (CatalogException e) {
      throw new InputError(invoked(), e.getMessage());
    }
  }

  Catalog catalog() {
    if (catalog == null) {
      catalog = Catalog.load(host().root());
    }
    return catalog;
  }
}
