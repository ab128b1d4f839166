package org.watchdogmenu.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.watchdogmenu.alert.Alerts;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;

/**
 * What a systemd {@code OnFailure=} unit runs, {@code alert --unit-failed UNIT}, run without
 * building the command line's model of every command. It does exactly what {@link AlertCommand}
 * does (same output, exit codes and error lines); anything else (help, {@code --test}, a repeated
 * or unknown option, a unit name that is no unit name, a --root that is no folder) is left to
 * {@link WatchdogMenuCommand}, which says what is wrong in its usual words.
 */
final class AlertRun {
  /** The arguments of one run. */
  record Args(String unit, Path root) {}

  private AlertRun() {}

  /**
   * Sends the unit's failure when the arguments are the plain form.
   *
   * @return its exit code, or empty when picocli should run it instead (nothing was done)
   */
  static OptionalInt run(PrintWriter out, PrintWriter err, String... args) {
    Optional<Args> parsed = parse(args);
    if (parsed.isEmpty()
        || !Files.isDirectory(parsed.get().root())
        || !AlertCommand.isUnitName(parsed.get().unit())) {
      return OptionalInt.empty();
    }
    Args a = parsed.get();
    try {
      Host host = Host.system(new HostRoot(a.root()));
      Alerts alerts;
      try {
        alerts = Alerts.load(host);
      } catch (ConfigException e) {
        err.println(e.getMessage());
        return OptionalInt.of(ExitCodes.USAGE);
      }
      return OptionalInt.of(
          AlertCommand.unitFailed(
              alerts, host, a.unit(), () -> Catalog.load(host.root()).targets(), out));
    } catch (RuntimeException e) {
      // as WatchdogMenuCommand's execution exception handler words it
      err.println("watchdog-menu: " + Denied.line(e, Denied.user()).orElse(String.valueOf(e)));
      return OptionalInt.of(ExitCodes.FAILURE);
    }
  }

  /**
   * The plain form: {@code [GLOBAL...] alert --unit-failed UNIT [GLOBAL...]} (or {@code
   * --unit-failed=UNIT}), each option at most once; GLOBAL is {@code --root DIR}, {@code
   * --root=DIR}, {@code --no-color} or {@code --ascii}. Empty for anything else.
   */
  static Optional<Args> parse(String... args) {
    Optional<List<PlainArgs.Arg>> read = PlainArgs.read(Set.of("--root", "--unit-failed"), args);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    boolean command = false;
    String unit = null;
    Path root = Path.of("/");
    for (PlainArgs.Arg arg : read.get()) {
      if (arg instanceof PlainArgs.Word word) {
        if (command || !word.text().equals("alert")) {
          return Optional.empty(); // another command, a subcommand, or more
        }
        command = true;
        continue;
      }
      PlainArgs.Opt option = (PlainArgs.Opt) arg;
      switch (option.name()) {
        case "--root":
          root = Path.of(option.value().orElseThrow());
          break;
        case "--no-color":
        case "--ascii":
          break;
        case "--unit-failed":
          if (!command) {
            return Optional.empty();
          }
          unit = option.value().orElseThrow();
          break;
        default:
          return Optional.empty();
      }
    }
    return unit == null ? Optional.empty() : Optional.of(new Args(unit, root));
  }
}
