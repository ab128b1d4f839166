package org.watchdogmenu.install;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.Users;

/**
 * What an operator may run as root without a password: for each target, {@code watchdog-menu check
 * TARGET}, {@code watchdog-menu restart TARGET} (a manual restart) and the service's own restart
 * ({@code systemctl restart UNIT}, {@code docker restart NAME}); plus extra commands given as full
 * argv (the camera platform's guide's {@code /usr/bin/emqx ctl status}). Nothing else: each rule
 * names its arguments, so sudo refuses the same program with further ones ({@code restart T
 * --force}).
 *
 * @param user an account, or {@code %GROUP} for every member of a group; never {@code ALL} or a
 *     sudoers alias
 * @param name the file in /etc/sudoers.d; null for {@code watchdog-menu-USER} ({@code
 *     watchdog-menu-group-GROUP})
 * @param extra further commands, each an argv whose program is an absolute path; a command with
 *     only a program allows any arguments, and {@code *} is sudo's wildcard
 */
public record SudoersRequest(
    String user, String name, List<Target> targets, List<List<String>> extra) {

  /** How sudoers writes an alias name: sudo would read such a user as one. */
  private static final Pattern ALIAS = Pattern.compile("[A-Z][A-Z0-9_]*");

  public SudoersRequest {
    checkUser(user);
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

  /** What is wrong with an operator's account name, in one line; empty when it will do. */
  public static Optional<String> userProblem(String user) {
    try {
      checkUser(user);
      return Optional.empty();
    } catch (InstallException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static void checkUser(String user) {
    if ("ALL".equals(user)) {
      throw new InstallException(
          "sudoers user 'ALL' means every account to sudo: name one operator's account, or a"
              + " %group");
    }
    if (user != null && user.startsWith("%")) {
      String group = user.substring(1);
      if (!Users.isValidName(group) || group.endsWith(".")) {
        throw Names.bad(
            "sudoers group",
            user,
            "write % and a group name: a letter or _ followed by letters, digits, _ . or -");
      }
      return;
    }
    Names.user("sudoers user", user);
    if (ALIAS.matcher(user).matches()) {
      throw new InstallException(
          "sudoers user '"
              + user
              + "' is written like a sudoers alias (capitals, digits, _), which sudo reads as"
              + " one: name an account from /etc/passwd, or a %group");
    }
  }

  /** Whether the rule is for a group ({@code %GROUP}) rather than one account. */
  boolean isGroup() {
    return user.startsWith("%");
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
    String who = user.startsWith("%") ? "group-" + user.substring(1) : user;
    return "watchdog-menu-" + who.replace('.', '_');
  }

  String path() {
    return InstallPaths.SUDOERS_DIR + name;
  }
}
