package org.watchdogmenu.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import org.watchdogmenu.model.CommandService;
import org.watchdogmenu.model.DockerService;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.model.Pm2Service;
import org.watchdogmenu.model.Policy;
import org.watchdogmenu.model.ServiceKind;
import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.model.SystemdService;
import org.watchdogmenu.model.SystemdUserService;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.model.TargetPaths;

/**
 * Checks a concrete target: what its service kind needs, each probe (see {@link ProbeValidator}),
 * positive durations (0s is allowed for {@code retry_delay} and {@code grace}), absolute paths, and
 * names that are safe in cron lines and sudoers. Throws the first problem as a one-line {@link
 * CatalogException} pointing at the file and line that set it.
 */
final class TargetValidator {
  private TargetValidator() {}

  /**
   * Checks what the mapper would read wrongly or not at all, so the error names the key and says
   * what to write: the policy values the model refuses to build, a service or probe that is not a
   * mapping, and commands (argv) with numbers or booleans in them, which the mapper would turn into
   * words.
   */
  static void checkTree(ObjectNode tree, SourceMap lines) {
    Checks c = new Checks(lines);
    service(tree.path("service"), c);
    probes(tree.path("probes"), c);
    JsonNode policy = tree.path("policy");
    for (String key : List.of("retries", "max_restarts")) {
      JsonNode n = policy.path(key);
      if (n.isIntegralNumber()) {
        c.atLeastOne("policy." + key, n.asLong());
      }
    }
    for (String key : List.of("interval", "window")) {
      JsonNode n = policy.path(key);
      if (n.isTextual() && isZero(n.asText())) {
        c.fail("policy." + key, "must be longer than 0, not " + n.asText());
      }
    }
  }

  private static void service(JsonNode service, Checks c) {
    if (service.isMissingNode() || service.isNull()) {
      return;
    }
    if (!service.isObject()) {
      c.fail(
          "service",
          "must be keys under it, not "
              + shown(service)
              + ": write e.g. 'service: {kind: systemd, unit: web.service}' (kind is one of "
              + StrictMapping.KINDS
              + ")");
    }
    String kind = service.path("kind").asText("");
    boolean otherKind =
        Arrays.stream(ServiceKind.values())
            .anyMatch(k -> k.key().equals(kind) && k != ServiceKind.COMMAND);
    if (service.has("pid_file") && otherKind) {
      c.fail(
          "service.pid_file",
          "is for a command service: a "
              + kind
              + " service's start time comes from its own manager; take the key away");
    }
    argv(service.path("restart"), "service.restart", c);
    argv(service.path("status"), "service.status", c);
    JsonNode recovery = service.path("recovery");
    if (recovery.isArray()) {
      for (int i = 0; i < recovery.size(); i++) {
        argv(recovery.get(i), "service.recovery[" + i + "]", c);
      }
    }
  }

  private static void probes(JsonNode probes, Checks c) {
    if (!probes.isArray()) {
      return;
    }
    for (int i = 0; i < probes.size(); i++) {
      JsonNode probe = probes.get(i);
      String at = "probes[" + i + "]";
      if (probe.isNull()) {
        c.fail(
            at,
            "is empty: write a probe with its type, e.g. '- type: active' (types: "
                + StrictMapping.PROBE_TYPES
                + ")");
      }
      if (!probe.isObject()) {
        c.fail(
            at,
            "must be keys with a 'type', not "
                + shown(probe)
                + ": write e.g. '- type: http' with its url on the next line (types: "
                + StrictMapping.PROBE_TYPES
                + ")");
      }
      argv(probe.path("command"), at + ".command", c);
    }
  }

  /**
   * A command is a list of words: a number or true/false in it is refused, not turned into text.
   */
  private static void argv(JsonNode list, String at, Checks c) {
    if (!list.isArray()) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode word = list.get(i);
      if (word.isNumber() || word.isBoolean()) {
        c.fail(
            at + "[" + i + "]",
            "must be a word of the command in quotes, not the "
                + (word.isNumber() ? "number " : "value ")
                + word.asText()
                + ": write \""
                + word.asText()
                + "\" (each word of a command is text, e.g. [\"/opt/app/restart.sh\", \"--now\"])");
      }
    }
  }

  private static String shown(JsonNode node) {
    if (node.isArray()) {
      return "a list";
    }
    String text = node.asText();
    return text.length() > 40 ? "'" + text.substring(0, 40) + "...'" : "'" + text + "'";
  }

  static void check(Target target, SourceMap lines) {
    Checks c = new Checks(lines);
    c.safe("title", target.title());
    c.fileNamePart("system", target.system());
    c.fileNamePart("role", target.role());
    service(target.service(), c);
    for (int i = 0; i < target.probes().size(); i++) {
      ProbeValidator.check("probes[" + i + "]", target.probes().get(i), c);
    }
    policy(target.policy(), c);
    paths(target.paths(), c);
  }

  private static void service(ServiceSpec s, Checks c) {
    if (s == null) {
      c.missing(
          "service", "is missing: add 'service:' with a 'kind' (" + StrictMapping.KINDS + ")");
    }
    s.match(new KindChecks(c));
    for (int i = 0; i < s.recovery().size(); i++) {
      String at = "service.recovery[" + i + "]";
      if (s.recovery().get(i).isEmpty()) {
        c.fail(at, "is empty: give the command as a list, e.g. [\"/usr/bin/true\"]");
      }
      c.argv(at, s.recovery().get(i));
    }
  }

  /** What each kind of service needs, and its values checked. */
  private record KindChecks(Checks c) implements ServiceSpec.Cases<Void> {
    @Override
    public Void systemd(SystemdService s) {
      c.require("service.unit", s.unit(), "a systemd service needs its unit");
      c.unit("service.unit", s.unit());
      return null;
    }

    @Override
    public Void systemdUser(SystemdUserService s) {
      c.require("service.unit", s.unit(), "a systemd-user service needs its unit");
      c.require("service.user", s.user(), "a systemd-user service needs the user it runs as");
      c.unit("service.unit", s.unit());
      c.user("service.user", s.user());
      return null;
    }

    @Override
    public Void pm2(Pm2Service s) {
      c.require("service.app", s.app(), "a pm2 service needs the app name");
      c.user("service.user", s.user());
      c.safe("service.app", s.app());
      c.safe("service.env", s.env());
      c.safe("service.pm2", s.pm2());
      c.absolute("service.ecosystem", s.ecosystem());
      return null;
    }

    @Override
    public Void docker(DockerService s) {
      c.require("service.container", s.container(), "a docker service needs it");
      c.safe("service.container", s.container());
      return null;
    }

    @Override
    public Void command(CommandService s) {
      if (s.restart().isEmpty()) {
        c.missing(
            "service.restart",
            "is missing: a command service needs its restart command as a list,"
                + " e.g. restart: [\"/opt/app/restart.sh\"]");
      }
      c.user("service.user", s.user());
      c.absolute("service.workdir", s.workdir());
      c.absolute("service.pid_file", s.pidFile());
      c.argv("service.restart", s.restart());
      c.argv("service.status", s.status());
      return null;
    }
  }

  private static void policy(Policy p, Checks c) {
    c.positive("policy.interval", p.interval());
    // 0s is meaningful for these two: retry at once, and no grace after a start
    c.notNegative("policy.retry_delay", p.retryDelay());
    c.notNegative("policy.grace", p.grace());
    c.positive("policy.cooldown", p.cooldown());
    c.positive("policy.window", p.window());
    c.positive("policy.lock_timeout", p.lockTimeout());
  }

  private static void paths(TargetPaths p, Checks c) {
    c.absolute("paths.state", p.state());
    c.absolute("paths.health_log", p.healthLog());
    c.absolute("paths.cron_log", p.cronLog());
  }

  private static boolean isZero(String text) {
    try {
      return Durations.parse(text).isZero();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
