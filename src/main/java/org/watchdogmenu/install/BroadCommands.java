package org.watchdogmenu.install;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises sudo rules that give away more than they seem to: a shell, an interpreter or a program
 * that runs other programs, allowed with any arguments, is full root.
 */
final class BroadCommands {
  private static final Set<String> RUNS_ANYTHING =
      Set.of(
          "sh",
          "bash",
          "dash",
          "zsh",
          "ksh",
          "csh",
          "tcsh",
          "fish",
          "su",
          "sudo",
          "env",
          "setsid",
          "nohup",
          "nice",
          "ionice",
          "chroot",
          "runuser",
          "xargs",
          "find",
          "timeout",
          "stdbuf",
          "strace",
          "gdb",
          "systemd-run",
          "python",
          "python2",
          "python3",
          "perl",
          "ruby",
          "node",
          "php",
          "lua",
          "awk",
          "gawk",
          "mawk",
          "vi",
          "vim",
          "nano",
          "less",
          "more",
          "man",
          "tee",
          "cp",
          "mv",
          "dd",
          "chmod",
          "chown",
          "install",
          "rsync",
          "tar",
          "docker",
          "pm2",
          "crontab",
          "visudo",
          "sudoedit",
          "busybox");

  private BroadCommands() {}

  /** Why this argv amounts to full root, or empty when it does not. */
  static Optional<String> fullRoot(List<String> argv) {
    String shown = String.join(" ", argv);
    if (argv.equals(List.of("ALL"))) {
      return Optional.of("'ALL' lets the user run any program as root");
    }
    String program = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
    boolean anyArgs = argv.size() == 1 || argv.stream().skip(1).anyMatch(a -> a.contains("*"));
    if (RUNS_ANYTHING.contains(program) && anyArgs) {
      return Optional.of(
          "'"
              + shown
              + "' lets the user run "
              + program
              + " with any arguments as root, which runs any program: it amounts to full root");
    }
    return Optional.empty();
  }

  /** A milder warning for a program allowed with any arguments, e.g. {@code /bin/kill}. */
  static Optional<String> anyArguments(List<String> argv) {
    if (argv.size() == 1 && !argv.equals(List.of("ALL"))) {
      return Optional.of(
          "'"
              + argv.get(0)
              + "' has no arguments in the rule, so sudo allows it with any arguments");
    }
    if (argv.stream().skip(1).anyMatch(a -> a.contains("*"))) {
      return Optional.of(
          "'" + String.join(" ", argv) + "' uses the wildcard *, which matches any arguments");
    }
    return Optional.empty();
  }
}
