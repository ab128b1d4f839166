package org.watchdogmenu.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.watchdogmenu.model.CloseWaitProbeSpec;
import org.watchdogmenu.model.CommandProbeSpec;
import org.watchdogmenu.model.CpuProbeSpec;
import org.watchdogmenu.model.DiskProbeSpec;
import org.watchdogmenu.model.DockerProbeSpec;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.model.HttpProbeSpec;
import org.watchdogmenu.model.LogScanProbeSpec;
import org.watchdogmenu.model.MemoryProbeSpec;
import org.watchdogmenu.model.Pm2ProbeSpec;
import org.watchdogmenu.model.Policy;
import org.watchdogmenu.model.ProbeSpec;
import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.model.Socks5ProbeSpec;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.model.TargetPaths;
import org.watchdogmenu.model.TcpConnectProbeSpec;
import org.watchdogmenu.model.TcpListenProbeSpec;
import org.watchdogmenu.os.Users;

/**
 * Checks a concrete target: what its service kind needs, each probe's fields, positive durations,
 * absolute paths, and names that are safe in cron lines and sudoers. Throws the first problem as a
 * one-line {@link CatalogException} pointing at the file and line that set the value.
 */
final class TargetValidator {
  private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9@._:-]+");
  private static final List<String> UNSAFE = List.of("\n", "\r", ";", "&", "|", "`", "$(");

  private final SourceMap lines;

  private TargetValidator(SourceMap lines) {
    this.lines = lines;
  }

  /** Checks the policy values the model refuses to build, so their error names the key. */
  static void checkTree(ObjectNode tree, SourceMap lines) {
    TargetValidator v = new TargetValidator(lines);
    JsonNode policy = tree.path("policy");
    for (String key : List.of("retries", "max_restarts")) {
      JsonNode n = policy.path(key);
      if (n.isIntegralNumber() && n.asLong() < 1) {
        v.fail("policy." + key, "must be at least 1, not " + n.asText());
      }
    }
    for (String key : List.of("interval", "window")) {
      JsonNode n = policy.path(key);
      if (n.isTextual() && isZero(n.asText())) {
        v.fail("policy." + key, "must be longer than 0, not " + n.asText());
      }
    }
  }

  static void check(Target target, SourceMap lines) {
    TargetValidator v = new TargetValidator(lines);
    v.safe("title", target.title());
    v.fileNamePart("system", target.system());
    v.fileNamePart("role", target.role());
    v.service(target.service());
    if (target.probes().isEmpty()) {
      v.missing("probes", "is empty: add at least one probe, e.g. '- type: active'");
    }
    for (int i = 0; i < target.probes().size(); i++) {
      v.probe("probes[" + i + "]", target.probes().get(i));
    }
    v.policy(target.policy());
    v.paths(target.paths());
  }

  private void service(ServiceSpec s) {
    if (s == null) {
      missing("service", "is missing: add 'service:' with a 'kind' (" + StrictMapping.KINDS + ")");
    }
    if (s.kind() == null) {
      missing("service.kind", "is missing: it must be one of " + StrictMapping.KINDS);
    }
    switch (s.kind()) {
      case SYSTEMD -> require("service.unit", s.unit(), "a systemd service needs its unit");
      case SYSTEMD_USER -> {
        require("service.unit", s.unit(), "a systemd-user service needs its unit");
        require("service.user", s.user(), "a systemd-user service needs the user it runs as");
      }
      case PM2 -> require("service.app", s.app(), "a pm2 service needs the app name");
      case DOCKER -> require("service.container", s.container(), "a docker service needs it");
      case COMMAND -> {
        if (s.restart().isEmpty()) {
          missing(
              "service.restart",
              "is missing: a command service needs its restart command as a list,"
                  + " e.g. restart: [\"/opt/app/restart.sh\"]");
        }
      }
    }
    unit("service.unit", s.unit());
    user("service.user", s.user());
    safe("service.app", s.app());
    safe("service.container", s.container());
    safe("service.env", s.env());
    safe("service.pm2", s.pm2());
    absolute("service.ecosystem", s.ecosystem());
    absolute("service.workdir", s.workdir());
    argv("service.restart", s.restart());
    argv("service.status", s.status());
    for (int i = 0; i < s.recovery().size(); i++) {
      String at = "service.recovery[" + i + "]";
      if (s.recovery().get(i).isEmpty()) {
        fail(at, "is empty: give the command as a list, e.g. [\"/usr/bin/true\"]");
      }
      argv(at, s.recovery().get(i));
    }
  }

  private void probe(String at, ProbeSpec p) {
    safe(at + ".name", p.name());
    positive(at + ".timeout", p.timeout());
    if (p instanceof HttpProbeSpec h) {
      url(at + ".url", h.url(), "an http probe needs the address to ask");
      for (int i = 0; i < h.expectStatus().size(); i++) {
        range(at + ".expect_status[" + i + "]", h.expectStatus().get(i), 100, 599);
      }
      regex(at + ".body", h.body());
    } else if (p instanceof TcpListenProbeSpec t) {
      port(at + ".port", t.port());
      safe(at + ".host", t.host());
    } else if (p instanceof TcpConnectProbeSpec t) {
      safe(at + ".host", t.host());
      port(at + ".port", t.port());
    } else if (p instanceof Socks5ProbeSpec s) {
      proxy(at + ".proxy", s.proxy());
      url(at + ".url", s.url(), "a socks5 probe needs the address to ask through the proxy");
    } else if (p instanceof LogScanProbeSpec l) {
      logScan(at, l);
    } else if (p instanceof CommandProbeSpec c) {
      if (c.command().isEmpty()) {
        missing(at + ".command", "is missing: give the command as a list, e.g. [\"/bin/true\"]");
      }
      argv(at + ".command", c.command());
      for (int i = 0; i < c.expectExit().size(); i++) {
        range(at + ".expect_exit[" + i + "]", c.expectExit().get(i), 0, 255);
      }
    } else if (p instanceof CloseWaitProbeSpec c) {
      if (c.ports().isEmpty()) {
        missing(at + ".ports", "is missing: list the ports to watch, e.g. [5000, 8443]");
      }
      for (int i = 0; i < c.ports().size(); i++) {
        port(at + ".ports[" + i + "]", c.ports().get(i));
      }
      range(at + ".max", c.max(), 1, 1_000_000);
    } else if (p instanceof MemoryProbeSpec m) {
      process(at, "memory", m.pidFile(), m.process(), m.pm2App());
      if (m.max().bytes() == 0) {
        fail(at + ".max", "must be larger than 0, e.g. 1G");
      }
    } else if (p instanceof CpuProbeSpec c) {
      process(at, "cpu", c.pidFile(), c.process(), c.pm2App());
      range(at + ".max_percent", c.maxPercent(), 1, 100);
      positive(at + ".for", c.span());
    } else if (p instanceof Pm2ProbeSpec m) {
      require(at + ".app", m.app(), "a pm2 probe needs the app (or a pm2 service)");
      safe(at + ".app", m.app());
      user(at + ".user", m.user());
    } else if (p instanceof DockerProbeSpec d) {
      require(at + ".container", d.container(), "a docker probe needs the container");
      safe(at + ".container", d.container());
    } else if (p instanceof DiskProbeSpec d) {
      absolute(at + ".path", d.path());
      range(at + ".max_percent", d.maxPercent(), 1, 100);
    }
  }

  private void logScan(String at, LogScanProbeSpec l) {
    if (l.unit() == null && l.file() == null) {
      missing(at, "(log-scan) needs 'unit' or 'file': e.g. unit: nginx.service");
    }
    if (l.unit() != null && l.file() != null) {
      fail(at + ".file", "cannot be given together with 'unit': keep one of them");
    }
    unit(at + ".unit", l.unit());
    absolute(at + ".file", l.file());
    require(at + ".pattern", l.pattern(), "a log-scan probe needs the regex of an error line");
    regex(at + ".pattern", l.pattern());
    positive(at + ".since", l.since());
  }

  private void process(String at, String type, String pidFile, String process, String pm2App) {
    long given = Stream.of(pidFile, process, pm2App).filter(v -> v != null).count();
    if (given != 1) {
      String message =
          "("
              + type
              + ") needs exactly one of 'pid_file', 'process' or 'pm2_app'"
              + (given == 0 ? " (or a pm2 service)" : ", not " + given);
      throw CatalogException.at(
          given == 0 ? lines.forMissing(at) : lines.at(at), "'" + at + "' " + message);
    }
    absolute(at + ".pid_file", pidFile);
    safe(at + ".process", process);
    safe(at + ".pm2_app", pm2App);
  }

  private void policy(Policy p) {
    positive("policy.interval", p.interval());
    positive("policy.retry_delay", p.retryDelay());
    positive("policy.grace", p.grace());
    positive("policy.cooldown", p.cooldown());
    positive("policy.window", p.window());
    positive("policy.lock_timeout", p.lockTimeout());
  }

  private void paths(TargetPaths p) {
    absolute("paths.state", p.state());
    absolute("paths.health_log", p.healthLog());
    absolute("paths.cron_log", p.cronLog());
  }

  private void url(String at, String url, String why) {
    require(at, url, why);
    String scheme;
    String host;
    try {
      URI uri = new URI(url);
      scheme = uri.getScheme();
      host = uri.getHost();
    } catch (URISyntaxException e) {
      scheme = null;
      host = null;
    }
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || host == null) {
      fail(at, "must be an http:// or https:// address with a host, not '" + url + "'");
    }
    safe(at, url);
  }

  private void proxy(String at, String proxy) {
    int colon = proxy.lastIndexOf(':');
    Integer port = null;
    try {
      port = colon < 1 ? null : Integer.valueOf(proxy.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = null;
    }
    if (port == null || port < 1 || port > 65535) {
      fail(
          at,
          "must be HOST:PORT with a port from 1 to 65535, e.g. 127.0.0.1:1080, not '"
              + proxy
              + "'");
    }
    safe(at, proxy);
  }

  private void regex(String at, String regex) {
    if (regex == null) {
      return;
    }
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      fail(
          at,
          "is not a valid regular expression: "
              + e.getDescription()
              + " near index "
              + e.getIndex());
    }
  }

  private void port(String at, Integer port) {
    require(at, port, "give the port number (1 to 65535)");
    range(at, port, 1, 65535);
  }

  private void range(String at, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      fail(at, "must be between " + min + " and " + max + ", not " + value);
    }
  }

  private void positive(String at, Duration d) {
    if (d != null && (d.isZero() || d.isNegative())) {
      fail(at, "must be longer than 0, not " + Durations.format(d));
    }
  }

  private static boolean isZero(String text) {
    try {
      return Durations.parse(text).isZero();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** System and role end up in the names of cron files, where cron skips names with a dot. */
  private void fileNamePart(String at, String value) {
    if (value != null && !Target.isValidId(value)) {
      fail(
          at,
          "must be lower-case letters, digits and dashes (it names cron files), not '"
              + value
              + "'");
    }
  }

  private void unit(String at, String unit) {
    if (unit != null) {
      safe(at, unit);
      if (!UNIT.matcher(unit).matches()) {
        fail(
            at,
            "is not a unit name: use letters, digits and @ . _ : - (e.g. nginx.service), not '"
                + unit
                + "'");
      }
    }
  }

  private void user(String at, String user) {
    if (user != null) {
      safe(at, user);
      if (!Users.isValidName(user)) {
        fail(
            at,
            "is not a user name: start with a letter or _, then letters, digits, _ . -, not '"
                + user
                + "'");
      }
    }
  }

  private void absolute(String at, String path) {
    if (path == null) {
      return;
    }
    safe(at, path);
    boolean climbs = Stream.of(path.split("/")).anyMatch(".."::equals);
    if (!path.startsWith("/") || climbs) {
      fail(at, "must be an absolute path without '..', e.g. /var/tmp/x.txt, not '" + path + "'");
    }
  }

  private void argv(String at, List<String> argv) {
    for (int i = 0; i < argv.size(); i++) {
      String arg = argv.get(i);
      if (arg == null || arg.isEmpty() || arg.contains("\n") || arg.contains("\0")) {
        fail(at + "[" + i + "]", "must be a non-empty word on one line");
      }
    }
  }

  private void safe(String at, String value) {
    if (value == null) {
      return;
    }
    for (String bad : UNSAFE) {
      if (value.contains(bad)) {
        String shown = bad.equals("\n") || bad.equals("\r") ? "a line break" : "'" + bad + "'";
        fail(at, "must not contain " + shown + ": it would end up in cron lines and sudoers");
      }
    }
  }

  private void require(String at, Object value, String why) {
    if (value == null || value instanceof String s && s.isBlank()) {
      missing(at, "is missing: " + why);
    }
  }

  private void missing(String at, String message) {
    throw CatalogException.at(lines.forMissing(at), "'" + at + "' " + message);
  }

  private void fail(String at, String message) {
    throw CatalogException.at(lines.at(at), "'" + at + "' " + message);
  }
}
