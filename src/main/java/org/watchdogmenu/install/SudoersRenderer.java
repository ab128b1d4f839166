package org.watchdogmenu.install;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.watchdogmenu.model.DockerService;
import org.watchdogmenu.model.SystemdService;
import org.watchdogmenu.model.Target;

/** Renders a sudoers.d file with one NOPASSWD rule per exact command, fully-qualified paths. */
final class SudoersRenderer {
  static final String SYSTEMCTL = "/usr/bin/systemctl";
  static final String DOCKER = "/usr/bin/docker";

  private SudoersRenderer() {}

  /** Every command the request grants, in order, each once. */
  static List<List<String>> commands(SudoersRequest r, String engine) {
    Set<List<String>> all = new LinkedHashSet<>();
    for (Target t : r.targets()) {
      all.addAll(targetCommands(t, engine));
    }
    all.addAll(r.extra());
    return new ArrayList<>(all);
  }

  /** The commands one target's grant holds. */
  private static List<List<String>> targetCommands(Target t, String engine) {
    if (!Target.isValidId(t.id())) {
      throw Names.bad("target id", t.id(), "write lower-case letters, digits and -");
    }
    List<List<String>> all = new ArrayList<>();
    List<String> bin = List.of(engine.split(" "));
    all.add(concat(bin, "check", t.id()));
    // exactly what an operator types: `restart T` is a manual restart (its --source default);
    // a rule with arguments lets sudo run the program with those arguments and no others
    all.add(concat(bin, "restart", t.id()));
    if (t.service() instanceof SystemdService s) {
      all.add(List.of(SYSTEMCTL, "restart", Names.unit("unit of " + t.id(), s.unit())));
    }
    if (t.service() instanceof DockerService d) {
      all.add(List.of(DOCKER, "restart", Names.word("container of " + t.id(), d.container())));
    }
    return all;
  }

  /**
   * What an operator may type once granted this target, one command line each, exactly as the rules
   * match them: {@code sudo watchdog-menu check T}, {@code sudo watchdog-menu restart T}, and the
   * service's own restart. sudo finds {@code watchdog-menu} in its secure path.
   */
  static List<String> invocations(Target target, String engine) {
    List<String> lines = new ArrayList<>();
    for (List<String> argv : targetCommands(target, engine)) {
      String line = String.join(" ", argv);
      if (line.startsWith(InstallPaths.BIN)) {
        line = "watchdog-menu" + line.substring(InstallPaths.BIN.length());
      } else if (argv.get(0).equals(SYSTEMCTL) || argv.get(0).equals(DOCKER)) {
        line = line.substring(line.lastIndexOf('/', line.indexOf(' ')) + 1);
      }
      lines.add("sudo " + line);
    }
    return lines;
  }

  static FileWrite render(SudoersRequest r, List<List<String>> commands) {
    StringBuilder rules = new StringBuilder();
    for (List<String> argv : commands) {
      if (rules.length() > 0) {
        rules.append('\n');
      }
      rules.append(r.user()).append(" ALL=(root) NOPASSWD: ").append(rule(argv));
    }
    String text = Templates.fill("sudoers", Map.of("user", r.user(), "rules", rules.toString()));
    return new FileWrite(
        r.path(),
        text.getBytes(StandardCharsets.UTF_8),
        FileKind.SUDOERS,
        "0440",
        "root",
        "root",
        FeatureKey.sudoers(r.name()),
        List.of(),
        false);
  }

  /** One command in sudoers syntax: {@code , : = \} inside arguments are escaped. */
  private static String rule(List<String> argv) {
    List<String> out = new ArrayList<>();
    out.add(argv.get(0));
    for (String a : argv.subList(1, argv.size())) {
      out.add(a.replaceAll("([,:=\\\\])", "\\\\$1"));
    }
    return String.join(" ", out);
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }
}
