package org.watchdogmenu.install;

import java.util.List;
import org.watchdogmenu.model.Target;

/**
 * What an operator may run as root without a password: for each target, {@code watchdog-menu check
 * TARGET}, {@code watchdog-menu restart TARGET --source manual} and the service's own restart
 * ({@code systemctl restart UNIT}, {@code docker restart NAME}); plus extra commands given as full
 * argv (seed 000's {@code /usr/bin/emqx ctl status}). Nothing else.
 *
 * @param name the file in /etc/sudoers.d; null for {@code watchdog-menu-USER}
 * @param extra further commands, each an argv whose program is an absolute path; a command with
 *     only a program allows any arguments, and {@code *} is sudo's wildcard
 */
public record SudoersRequest(
    String user, String name, List<Target> targets, List<List<String>> extra) {

  public SudoersRequest {
    Names.user("sudoers user", user);
    name = name == null ? defaultName(user) : name;
    Names.fileName("sudoers file name", name);
    targets = List.copyOf(targets == null ? List.of() : targets);
    extra = extra == null ? List.of() : extra.stream().map(List::copyOf).toList();
    for (List<String> argv : extra) {
      if (argv.isEmpty()) {
        throw new InstallException("an extra sudoers command is empty: give its full path");
      }
      if (!argv.equals(List.of("ALL"))) {
        Names.path("sudoers command", argv.get(0));
        argv.subList(1, argv.size()).forEach(a -> Names.word("sudoers argument", a));
      }
    }
    if (targets.isEmpty() && extra.isEmpty()) {
      throw new InstallException("sudoers for " + user + ": name at least one target or command");
    }
  }

  /** What is wrong with an operator's account name, in one line, or null when it will do. */
  public static String userProblem(String user) {
    try {
      Names.user("sudoers user", user);
      return null;
    } catch (InstallException e) {
      return e.getMessage();
    }
  }

  /** Splits {@code "/usr/bin/emqx ctl status"} into an argv (on spaces; no quoting). */
  public static List<String> command(String line) {
    if (line == null || line.isBlank() || line.contains("\n")) {
      throw Names.bad("sudoers command", line, "one command line with an absolute path");
    }
    return List.of(line.trim().split(" +"));
  }

  /**
   * The equivalent command line after {@code watchdog-menu}, e.g. {@code sudoers op --target t}.
   */
  String cli(boolean keep) {
    StringBuilder line = new StringBuilder("sudoers " + user);
    if (!name.equals(defaultName(user))) {
      line.append(" --name ").append(name);
    }
    if (keep) {
      line.append(" --add");
    }
    targets.forEach(t -> line.append(" --target ").append(t.id()));
    extra.forEach(argv -> line.append(" --command \"").append(String.join(" ", argv)).append('"'));
    return line.toString();
  }

  private static String defaultName(String user) {
    return "watchdog-menu-" + user.replace('.', '_');
  }

  String path() {
    return InstallPaths.SUDOERS_DIR + name;
  }
}
