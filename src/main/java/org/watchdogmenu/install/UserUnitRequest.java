package org.watchdogmenu.install;

import java.util.ArrayList;
import java.util.List;
import org.watchdogmenu.model.CommandService;
import org.watchdogmenu.model.Target;

/**
 * A systemd user service that starts a platform at boot as its user (the camera platform's guide's
 * {@code camera-platform.service}), written to {@code HOME/.config/systemd/user/NAME}.
 *
 * @param name the unit, e.g. {@code camera-platform.service}
 * @param home the user's home; null to read it from the root's /etc/passwd
 * @param after units to start after (a user manager cannot order against system units, so those are
 *     kept only as the seed wrote them)
 * @param start the ExecStart argv; {@code stop} the ExecStop argv
 */
public record UserUnitRequest(
    String name,
    String user,
    String home,
    String description,
    List<String> after,
    List<String> wants,
    String workdir,
    List<String> start,
    List<String> stop) {

  public UserUnitRequest {
    name = Names.unit("unit name", name);
    Names.user("unit user", user);
    if (home != null) {
      Names.path("home of " + user, home);
    }
    if (description == null || !description.matches("[^\\p{Cntrl}%$\\\\]{1,200}")) {
      throw Names.bad(
          "unit description", description, "one line, without % $ or \\, at most 200 characters");
    }
    after = List.copyOf(after == null ? List.of() : after);
    wants = List.copyOf(wants == null ? List.of() : wants);
    after.forEach(u -> Names.anyUnit("After= unit", u));
    wants.forEach(u -> Names.anyUnit("Wants= unit", u));
    Names.path("working folder", workdir);
    start = argv("ExecStart", start);
    stop = argv("ExecStop", stop);
  }

  /**
   * The unit for a command-kind target whose restart command ends in {@code restart} (the camera
   * platform's guide's {@code managed_start.sh restart}): start and stop are the same command with
   * {@code start} and {@code stop}; the unit is named after the target and ordered after
   * network.target.
   */
  public static UserUnitRequest forCommandTarget(Target target) {
    if (!(target.service() instanceof CommandService service) || service.user() == null) {
      throw new InstallException(
          "target "
              + target.id()
              + " is not a command service run as a user: a user unit needs service.kind command"
              + " and service.user");
    }
    List<String> restart = service.restart();
    if (restart.isEmpty() || !restart.get(restart.size() - 1).equals("restart")) {
      throw new InstallException(
          "target "
              + target.id()
              + ": its restart command does not end in 'restart', so start and stop cannot be"
              + " derived from it");
    }
    String workdir = service.workdir();
    return new UserUnitRequest(
        target.id() + ".service",
        service.user(),
        null,
        target.title(),
        List.of("network.target"),
        List.of(),
        workdir,
        absolute(replaceLast(restart, "start"), workdir),
        absolute(replaceLast(restart, "stop"), workdir));
  }

  private static List<String> replaceLast(List<String> argv, String word) {
    List<String> copy = new ArrayList<>(argv);
    copy.set(copy.size() - 1, word);
    return copy;
  }

  /** Relative script arguments ({@code ./scripts/x.sh}) made absolute against the folder. */
  private static List<String> absolute(List<String> argv, String workdir) {
    List<String> out = new ArrayList<>();
    for (String a : argv) {
      out.add(a.startsWith("./") && workdir != null ? workdir + a.substring(1) : a);
    }
    return out;
  }

  private static List<String> argv(String what, List<String> argv) {
    if (argv == null || argv.isEmpty()) {
      throw new InstallException(what + " is missing: give the command to run");
    }
    Names.path(what + " program", argv.get(0));
    argv.subList(1, argv.size()).forEach(a -> Names.word(what + " argument", a));
    return List.copyOf(argv);
  }
}
