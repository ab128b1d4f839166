package org.watchdogmenu.install;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.watchdogmenu.model.ServiceKind;
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
      if (!Target.isValidId(t.id())) {
        throw Names.bad("target id", t.id(), "write lower-case letters, digits and -");
      }
      List<String> bin = List.of(engine.split(" "));
      all.add(concat(bin, "check", t.id()));
      all.add(concat(bin, "restart", t.id(), "--source", "manual"));
      if (t.service() != null && t.service().kind() == ServiceKind.SYSTEMD) {
        all.add(List.of(SYSTEMCTL, "restart", Names.unit("unit of " + t.id(), t.service().unit())));
      }
      if (t.service() != null && t.service().kind() == ServiceKind.DOCKER) {
        all.add(
            List.of(
                DOCKER, "restart", Names.word("container of " + t.id(), t.service().container())));
      }
    }
    all.addAll(r.extra());
    return new ArrayList<>(all);
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
        "sudoers/" + r.name(),
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
