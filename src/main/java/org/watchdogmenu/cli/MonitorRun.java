package org.watchdogmenu.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.watchdogmenu.os.Host;
import org.watchdogmenu.os.HostRoot;

/**
 * What the monitor's unit runs, {@code monitor} without targets, run without building the command
 * line's model of every command, which a long-running process would otherwise keep in memory for
 * good. It does exactly what {@link MonitorCommand} does (same output, exit codes and error lines);
 * anything else (help, named targets, an unknown or repeated option, a --root that is no folder) is
 * left to {@link WatchdogMenuCommand}, which says what is wrong in its usual words.
 */
final class MonitorRun {
  private MonitorRun() {}

  /**
   * Runs the monitor until it is stopped when the arguments are the plain form.
   *
   * @return its exit code, or empty when picocli should run it instead (nothing was done)
   */
  static OptionalInt run(PrintWriter out, PrintWriter err, String... args) {
    Optional<Path> root = parse(args);
    if (root.isEmpty() || !Files.isDirectory(root.get())) {
      return OptionalInt.empty();
    }
    try {
      MonitorCommand.run(Host.system(new HostRoot(root.get())), List.of(), out);
      return OptionalInt.of(ExitCodes.OK);
    } catch (RuntimeException | InterruptedException e) {
      // as WatchdogMenuCommand's execution exception handler words it
      err.println("watchdog-menu: " + Denied.line(e, Denied.user()).orElse(String.valueOf(e)));
      return OptionalInt.of(ExitCodes.FAILURE);
    }
  }

  /**
   * The plain form: {@code [GLOBAL...] monitor [GLOBAL...]}, each option at most once; GLOBAL is
   * {@code --root DIR}, {@code --root=DIR}, {@code --no-color} or {@code --ascii}. Its root, or
   * empty for anything else.
   */
  static Optional<Path> parse(String... args) {
    Optional<List<PlainArgs.Arg>> read = PlainArgs.read(Set.of("--root"), args);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    boolean command = false;
    Path root = Path.of("/");
    for (PlainArgs.Arg arg : read.get()) {
      if (arg instanceof PlainArgs.Word word) {
        if (command || !word.text().equals("monitor")) {
          return Optional.empty(); // another command, or targets
        }
        command = true;
        continue;
      }
      PlainArgs.Opt option = (PlainArgs.Opt) arg;
      if (option.name().equals("--root")) {
        root = Path.of(option.value().orElseThrow());
      } else if (!PlainArgs.GLOBAL_FLAGS.contains(option.name())) {
        return Optional.empty();
      }
    }
    return command ? Optional.of(root) : Optional.empty();
  }
}
