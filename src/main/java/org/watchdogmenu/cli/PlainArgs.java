package org.watchdogmenu.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of the few forms that run without picocli's model ({@link CronRun}, {@link
 * AlertRun}, {@link MenuRun}), read the way picocli reads them: words, and options each at most
 * once with a value after them or after {@code =}. Anything only picocli should judge gives
 * nothing: a repeated option, a value that is missing or empty or looks like an option or an
 * argument file, {@code =VALUE} on an option that takes none, an empty word or {@code @FILE}.
 */
final class PlainArgs {
  /** One argument, in the order given. */
  sealed interface Arg permits Word, Opt {}

  /** A command, a subcommand or a positional argument. */
  record Word(String text) implements Arg {}

  /** An option, with its value when it takes one. */
  record Opt(String name, Optional<String> value) implements Arg {}

  /** The global options without a value that every plain form takes (and ignores). */
  static final Set<String> GLOBAL_FLAGS = Set.of("--no-color", "--ascii");

  private PlainArgs() {}

  static Optional<List<Arg>> read(Set<String> takingValues, String... args) {
    List<Arg> read = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-")) {
        if (arg.isEmpty() || arg.startsWith("@")) {
          return Optional.empty();
        }
        read.add(new Word(arg));
        continue;
      }
      int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
      String name = eq < 0 ? arg : arg.substring(0, eq);
      String value = eq < 0 ? null : arg.substring(eq + 1);
      if (!seen.add(name)) {
        return Optional.empty();
      }
      if (!takingValues.contains(name)) {
        if (value != null) {
          return Optional.empty();
        }
        read.add(new Opt(name, Optional.empty()));
        continue;
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          return Optional.empty();
        }
        value = args[++i];
      }
      if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
        return Optional.empty();
      }
      read.add(new Opt(name, Optional.of(value)));
    }
    return Optional.of(read);
  }
}
