package org.watchdogmenu.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.tui.Menu;

/**
 * {@code watchdog-menu} without a command (the menu), started without building the command line's
 * model of every command first: the menu's first frame comes that much sooner. It does exactly what
 * {@link WatchdogMenuCommand#call} does; anything else (a command, help, a repeated or unknown
 * option, a --root that is no folder) is left to {@link WatchdogMenuCommand}.
 */
final class MenuRun {
  /** The global options of the menu. */
  record Args(Path root, boolean ascii, boolean noColor) {}

  private MenuRun() {}

  /**
   * Runs the menu when the arguments are global options only.
   *
   * @return its exit code, or empty when picocli should run it instead (nothing was done)
   */
  static OptionalInt run(PrintWriter err, String... args) {
    Optional<Args> parsed = parse(args);
    if (parsed.isEmpty() || !Files.isDirectory(parsed.get().root())) {
      return OptionalInt.empty();
    }
    Args a = parsed.get();
    try {
      Host host = Host.system(new HostRoot(a.root()));
      // the catalog loads while the terminal starts; the first frame needs both
      FutureTask<Catalog> catalog = new FutureTask<>(() -> Catalog.load(host.root()));
      Thread loader = new Thread(catalog, "load the catalog");
      loader.setDaemon(true);
      loader.start();
      return OptionalInt.of(
          Menu.run(host, () -> loaded(catalog), new Menu.Options(a.ascii(), a.noColor()), err));
    } catch (RuntimeException e) {
      // as WatchdogMenuCommand's execution exception handler words it
      err.println("watchdog-menu: " + Denied.line(e, Denied.user()).orElse(String.valueOf(e)));
      return OptionalInt.of(ExitCodes.FAILURE);
    }
  }

  /** The catalog, once loaded; what loading it threw is thrown here. */
  private static Catalog loaded(FutureTask<Catalog> catalog) {
    try {
      return catalog.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the catalog loaded", e);
    }
  }

  /**
   * Global options only, each at most once: {@code --root DIR}, {@code --root=DIR}, {@code
   * --no-color}, {@code --ascii}. Empty for anything else.
   */
  static Optional<Args> parse(String... args) {
    Optional<List<PlainArgs.Arg>> read = PlainArgs.read(Set.of("--root"), args);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    Path root = Path.of("/");
    Set<String> flags = new HashSet<>();
    for (PlainArgs.Arg arg : read.get()) {
      if (!(arg instanceof PlainArgs.Opt option)) {
        return Optional.empty(); // a command or help
      }
      switch (option.name()) {
        case "--root":
          root = Path.of(option.value().orElseThrow());
          break;
        case "--no-color":
        case "--ascii":
          flags.add(option.name());
          break;
        default:
          return Optional.empty(); // something unknown
      }
    }
    return Optional.of(new Args(root, flags.contains("--ascii"), flags.contains("--no-color")));
  }
}
