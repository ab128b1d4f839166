package org.watchdogmenu.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.watchdogmenu.catalog.OneTarget;
import org.watchdogmenu.engine.CheckMode;
import org.watchdogmenu.engine.Engine;
import org.watchdogmenu.engine.HealthCheck;
import org.watchdogmenu.engine.RestartGuard;
import org.watchdogmenu.engine.RestartRequest;
import org.watchdogmenu.model.RestartSource;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;

/**
 * What cron runs every few minutes, {@code check TARGET} and {@code restart TARGET} with their
 * options, run without building the command line's model of every command: the arguments are read
 * here and only the target's own files are loaded ({@link OneTarget}). It does exactly what the
 * picocli commands do ({@link CheckCommand}, {@link RestartCommand}): same options, output, exit
 * codes and error lines. Anything else (help, a version, an unknown or repeated option, a missing
 * or broken target, a --root that is no folder) is left to {@link WatchdogMenuCommand}, which says
 * what is wrong in its usual words.
 */
final class CronRun {
  /** The arguments of one run, as {@code check} or {@code restart} reads them. */
  record Args(
      String command,
      String target,
      Path root,
      boolean noRestart,
      boolean dryRun,
      boolean force,
      RestartSource source) {}

  private CronRun() {}

  /**
   * Runs the command when the arguments are one of the plain forms.
   *
   * @return its exit code, or empty when picocli should run it instead (nothing was done)
   */
  static OptionalInt run(PrintWriter out, PrintWriter err, String... args) {
    Optional<Args> parsed = parse(args);
    if (parsed.isEmpty() || !Files.isDirectory(parsed.get().root())) {
      return OptionalInt.empty();
    }
    Args a = parsed.get();
    HostRoot root = new HostRoot(a.root());
    Optional<OneTarget> one = OneTarget.load(root, a.target(), !a.dryRun());
    if (one.isEmpty()) {
      return OptionalInt.empty();
    }
    boolean check = a.command().equals("check");
    try {
      Engine engine = new Engine(Host.system(root), one.get()::isKnown);
      if (check) {
        return OptionalInt.of(
            engine
                .check(
                    one.get().target(),
                    HealthCheck.Options.health(CheckMode.ofOptions(a.noRestart(), a.dryRun())),
                    out)
                .outcome()
                .exitCode());
      }
      RestartGuard.Result result =
          engine.restart(
              one.get().target(), RestartRequest.ofOptions(a.source(), a.force(), a.dryRun()), out);
      boolean done =
          result == RestartGuard.Result.RESTARTED || result == RestartGuard.Result.WOULD_RESTART;
      return OptionalInt.of(done ? ExitCodes.OK : ExitCodes.FAILURE);
    } catch (RuntimeException e) {
      // as WatchdogMenuCommand's execution exception handler words it
      err.println("watchdog-menu: " + Denied.line(e, Denied.user()).orElse(String.valueOf(e)));
      return OptionalInt.of(check ? ExitCodes.CHECK_UNKNOWN : ExitCodes.FAILURE);
    }
  }

  /**
   * The plain forms: {@code [GLOBAL...] check TARGET [--no-restart] [--dry-run] [GLOBAL...]} and
   * {@code [GLOBAL...] restart TARGET [--source cron|manual] [--force] [--dry-run] [GLOBAL...]},
   * options in any order after the command, each at most once; GLOBAL is {@code --root DIR}, {@code
   * --root=DIR}, {@code --no-color} or {@code --ascii}. Empty for anything else.
   */
  static Optional<Args> parse(String... args) {
    Optional<List<PlainArgs.Arg>> read = PlainArgs.read(Set.of("--root", "--source"), args);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    String command = null;
    String target = null;
    Path root = Path.of("/");
    RestartSource source = RestartSource.MANUAL;
    Set<String> flags = new HashSet<>();
    for (PlainArgs.Arg arg : read.get()) {
      if (arg instanceof PlainArgs.Word word) {
        if (command == null) {
          if (!word.text().equals("check") && !word.text().equals("restart")) {
            return Optional.empty();
          }
          command = word.text();
        } else if (target == null) {
          target = word.text();
        } else {
          return Optional.empty();
        }
        continue;
      }
      PlainArgs.Opt option = (PlainArgs.Opt) arg;
      String value = option.value().orElse("");
      switch (option.name()) {
        case "--root":
          root = Path.of(value);
          break;
        case "--no-color":
        case "--ascii":
          break;
        case "--no-restart":
          if (!"check".equals(command)) {
            return Optional.empty();
          }
          break;
        case "--dry-run":
          if (command == null) {
            return Optional.empty();
          }
          break;
        case "--force":
          if (!"restart".equals(command)) {
            return Optional.empty();
          }
          break;
        case "--source":
          if (!"restart".equals(command) || !(value.equals("cron") || value.equals("manual"))) {
            return Optional.empty();
          }
          source = value.equals("cron") ? RestartSource.CRON : RestartSource.MANUAL;
          break;
        default:
          return Optional.empty();
      }
      flags.add(option.name());
    }
    if (target == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Args(
            command,
            target,
            root,
            flags.contains("--no-restart"),
            flags.contains("--dry-run"),
            flags.contains("--force"),
            source));
  }
}
