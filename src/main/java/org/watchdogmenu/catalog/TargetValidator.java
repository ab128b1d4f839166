package org.watchdogmenu.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.model.Policy;
import org.watchdogmenu.model.ServiceSpec;
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

  /** Checks the policy values the model refuses to build, so their error names the key. */
  static void checkTree(ObjectNode tree, SourceMap lines) {
    Checks c = new Checks(lines);
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
    if (s.kind() == null) {
      c.missing("service.kind", "is missing: it must be one of " + StrictMapping.KINDS);
    }
    switch (s.kind()) {
      case SYSTEMD -> c.require("service.unit", s.unit(), "a systemd service needs its unit");
      case SYSTEMD_USER -> {
        c.require("service.unit", s.unit(), "a systemd-user service needs its unit");
        c.require("service.user", s.user(), "a systemd-user service needs the user it runs as");
      }
      case PM2 -> c.require("service.app", s.app(), "a pm2 service needs the app name");
      case DOCKER -> c.require("service.container", s.container(), "a docker service needs it");
      case COMMAND -> {
        if (s.restart().isEmpty()) {
          c.missing(
              "service.restart",
              "is missing: a command service needs its restart command as a list,"
                  + " e.g. restart: [\"/opt/app/restart.sh\"]");
        }
      }
    }
    c.unit("service.unit", s.unit());
    c.user("service.user", s.user());
    c.safe("service.app", s.app());
    c.safe("service.container", s.container());
    c.safe("service.env", s.env());
    c.safe("service.pm2", s.pm2());
    c.absolute("service.ecosystem", s.ecosystem());
    c.absolute("service.workdir", s.workdir());
    c.argv("service.restart", s.restart());
    c.argv("service.status", s.status());
    for (int i = 0; i < s.recovery().size(); i++) {
      String at = "service.recovery[" + i + "]";
      if (s.recovery().get(i).isEmpty()) {
        c.fail(at, "is empty: give the command as a list, e.g. [\"/usr/bin/true\"]");
      }
      c.argv(at, s.recovery().get(i));
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
