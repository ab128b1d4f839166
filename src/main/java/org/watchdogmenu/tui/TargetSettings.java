package org.watchdogmenu.tui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watchdogmenu.catalog.CatalogException;
import org.watchdogmenu.catalog.Setting;
import org.watchdogmenu.catalog.TargetFile;
import org.watchdogmenu.catalog.TargetFiles;
import org.watchdogmenu.catalog.ValueRule;
import org.watchdogmenu.model.CloseWaitProbeSpec;
import org.watchdogmenu.model.CommandService;
import org.watchdogmenu.model.CpuProbeSpec;
import org.watchdogmenu.model.DiskProbeSpec;
import org.watchdogmenu.model.DockerService;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.model.HttpProbeSpec;
import org.watchdogmenu.model.MemoryProbeSpec;
import org.watchdogmenu.model.Pm2Service;
import org.watchdogmenu.model.Policy;
import org.watchdogmenu.model.ProbeSpec;
import org.watchdogmenu.model.ServiceSpec;
import org.watchdogmenu.model.Socks5ProbeSpec;
import org.watchdogmenu.model.SystemdService;
import org.watchdogmenu.model.SystemdUserService;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.model.TcpConnectProbeSpec;
import org.watchdogmenu.model.TcpListenProbeSpec;

/**
 * The Settings screen of a target, as a form: its service (unit, user, app or restart command, as
 * its kind has them), each probe's address and limits, and its restart policy. Each value is
 * checked with the catalog's rule as it is kept; saving makes the site file of the values that
 * changed (read back by the catalog) and opens its preview. After an apply the menu goes back to
 * the first screen, so no screen goes on showing the target as it was.
 */
final class TargetSettings {
  static final String DURATION = "a duration: 500ms, 30s, 5m, 1h, 1d";
  static final String PORT = "a port: 1 to 65535";
  static final String URL = "an http:// or https:// address, e.g. http://127.0.0.1:8080/health";
  static final String USER = "a user name, e.g. www-data";
  static final String UNIT = "a systemd unit, e.g. web.service";
  static final String COMMAND = "the command and its arguments, separated by spaces (no shell)";
  static final String FOLDER = "an absolute path, e.g. /opt/app";

  /**
   * The key a refusal of the catalog starts with, after the file and line when it names them, e.g.
   * {@code /etc/watchdog-menu/targets/web.yaml line 7: 'probes[2].port' must be ...}.
   */
  private static final Pattern NAMED =
      Pattern.compile(
          "^(?:[^']*? line \\d+: )?'([a-z_]+(?:\\[\\d+])?(?:\\.[a-z_]+(?:\\[\\d+])?)*)' ");

  private final Session session;
  private final Target target;
  private final List<String> keys = new ArrayList<>();
  private final List<Field> fields = new ArrayList<>();

  private TargetSettings(Session session, Target target) {
    this.session = session;
    this.target = target;
  }

  static FormView form(Session session, Target target) {
    TargetSettings s = new TargetSettings(session, target);
    s.service(target.service());
    for (int i = 0; i < target.probes().size(); i++) {
      s.probe(i, target.probes().get(i));
    }
    s.policy(target.policy());
    List<String> intro =
        List.of(
            "Settings of " + target.title() + " (" + target.id() + ")",
            "Saving shows the target file first; nothing is written until you apply it.");
    List<String> initial = s.fields.stream().map(Field::value).toList();
    return new FormView(
        "Settings", intro, s.fields, "Save (preview the file)", values -> s.save(initial, values));
  }

  private void service(ServiceSpec s) {
    add("Title", "title", target.title(), ValueRule.TEXT, "how the menu names it");
    s.match(
        new ServiceSpec.Cases<Void>() {
          @Override
          public Void systemd(SystemdService d) {
            add("Unit", "service.unit", d.unit(), ValueRule.UNIT, UNIT);
            return null;
          }

          @Override
          public Void systemdUser(SystemdUserService d) {
            add("Unit", "service.unit", d.unit(), ValueRule.UNIT, UNIT);
            add("Runs as user", "service.user", d.user(), ValueRule.USER, USER);
            return null;
          }

          @Override
          public Void pm2(Pm2Service p) {
            add("PM2 app", "service.app", p.app(), ValueRule.TEXT, "the app's name in pm2 list");
            add("User of its PM2", "service.user", p.user(), ValueRule.USER, USER);
            return null;
          }

          @Override
          public Void docker(DockerService d) {
            add("Container", "service.container", d.container(), ValueRule.TEXT, "its name");
            return null;
          }

          @Override
          public Void command(CommandService c) {
            add("Restart command", "service.restart", words(c.restart()), ValueRule.TEXT, COMMAND);
            add("Runs as user", "service.user", c.user(), ValueRule.USER, USER);
            add("Working folder", "service.workdir", c.workdir(), ValueRule.PATH, FOLDER);
            add(
                "Pid file",
                "service.pid_file",
                c.pidFile(),
                ValueRule.PATH,
                "its process's start time starts the grace period, e.g. /run/app.pid");
            return null;
          }
        });
  }

  private void probe(int i, ProbeSpec p) {
    String name = (p.name() != null ? p.name() : "Probe " + (i + 1) + " (" + p.type() + ")") + ": ";
    String at = "probes." + i + ".";
    if (p instanceof HttpProbeSpec h) {
      add(name + "URL", at + "url", h.url(), ValueRule.URL, URL);
    } else if (p instanceof TcpListenProbeSpec t) {
      add(name + "port", at + "port", text(t.port()), ValueRule.PORT, PORT);
      add(name + "address", at + "host", t.host(), ValueRule.TEXT, "a local address (empty: any)");
    } else if (p instanceof TcpConnectProbeSpec t) {
      add(name + "host", at + "host", t.host(), ValueRule.TEXT, "a host name or address");
      add(name + "port", at + "port", text(t.port()), ValueRule.PORT, PORT);
    } else if (p instanceof Socks5ProbeSpec s) {
      add(name + "proxy", at + "proxy", s.proxy(), ValueRule.HOST_PORT, "HOST:PORT of the proxy");
      add(name + "URL", at + "url", s.url(), ValueRule.URL, URL);
    } else if (p instanceof MemoryProbeSpec m) {
      add(name + "memory max", at + "max", m.max().toString(), ValueRule.SIZE, "a size: 1G");
    } else if (p instanceof CpuProbeSpec c) {
      add(name + "CPU max %", at + "max_percent", text(c.maxPercent()), ValueRule.PERCENT, "1-100");
    } else if (p instanceof DiskProbeSpec d) {
      add(name + "path", at + "path", d.path(), ValueRule.PATH, "a folder on the file system");
      add(name + "max %", at + "max_percent", text(d.maxPercent()), ValueRule.PERCENT, "1-100");
    } else if (p instanceof CloseWaitProbeSpec c) {
      add(name + "max", at + "max", text(c.max()), ValueRule.COUNT, "connections per port");
    }
  }

  private void policy(Policy p) {
    duration("Check interval (monitor)", "policy.interval", p.interval());
    add("Retries before a restart", "policy.retries", text(p.retries()), ValueRule.COUNT, "1+");
    durationOrZero("Delay between retries", "policy.retry_delay", p.retryDelay(), "retry at once");
    durationOrZero("Grace after a start", "policy.grace", p.grace(), "no grace");
    duration("Cooldown between restarts", "policy.cooldown", p.cooldown());
    add(
        "Max restarts per window",
        "policy.max_restarts",
        text(p.maxRestarts()),
        ValueRule.COUNT,
        "1+");
    duration("Window of the restart cap", "policy.window", p.window());
  }

  private Step save(List<String> initial, List<String> values) {
    List<Setting> changed = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      if (!values.get(i).equals(initial.get(i))) {
        changed.add(new Setting(keys.get(i), values.get(i)));
      }
    }
    if (changed.isEmpty()) {
      return Step.say("Nothing changed: pick a value and type a new one first.");
    }
    try {
      TargetFile file = new TargetFiles(session.catalog()).set(target.id(), changed);
      return PlanView.open(
          session, "Save", () -> session.installer().planner().targetFile(file), PlanView.TO_FIRST);
    } catch (CatalogException e) {
      return Step.say("Not saved: " + refusal(e));
    }
  }

  /**
   * The catalog's refusal of the whole file in the form's words: the label of the field that sets
   * the key it names ({@code 'probes[2].port' must be ...} becomes {@code CoTURN port must be
   * ...}); the catalog's own line, with the file and line, when no field sets it.
   */
  private String refusal(CatalogException e) {
    Matcher named = NAMED.matcher(e.reason());
    if (named.find()) {
      String key = named.group(1);
      String said = e.reason().substring(named.start(1) - 1);
      String rest = e.reason().substring(named.end());
      for (int i = 0; i < keys.size(); i++) {
        String field = catalogKey(keys.get(i));
        if (key.equals(field)) {
          return FormView.words(fields.get(i), said);
        }
        if (key.startsWith(field + "[") || key.startsWith(field + ".")) {
          return fields.get(i).label() + part(key.substring(field.length())) + rest;
        }
      }
    }
    return e.getMessage();
  }

  /** A part of a field's value in words: {@code [0]} of a command is its word 1. */
  private static String part(String suffix) {
    Matcher word = Pattern.compile("^\\[(\\d+)]$").matcher(suffix);
    return word.find() ? " (word " + (Integer.parseInt(word.group(1)) + 1) + ") " : ": ";
  }

  /** A form's key as the catalog names it: {@code probes.2.port} is {@code probes[2].port}. */
  private static String catalogKey(String key) {
    return key.replaceAll("\\.(\\d+)(?=\\.|$)", "[$1]");
  }

  private void duration(String label, String key, Duration value) {
    add(label, key, Durations.format(value), ValueRule.DURATION, DURATION);
  }

  /** A duration where 0s means something: {@code meaning} says what. */
  private void durationOrZero(String label, String key, Duration value, String meaning) {
    add(
        label,
        key,
        Durations.format(value),
        ValueRule.DURATION_OR_ZERO,
        DURATION + " (0s: " + meaning + ")");
  }

  private void add(String label, String key, String value, ValueRule rule, String hint) {
    keys.add(key);
    fields.add(Field.of(label, value, hint, v -> rule.problem(key, v)));
  }

  private static String text(Integer n) {
    return n == null ? "" : n.toString();
  }

  /** A command as words, or as a list written out when a word has a space or a quote. */
  private static String words(List<String> argv) {
    if (argv.stream().noneMatch(a -> a.matches(".*[\\s\"',\\[\\]].*"))) {
      return String.join(" ", argv);
    }
    List<String> quoted =
        argv.stream()
            .map(a -> "\"" + a.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
            .toList();
    return "[" + String.join(", ", quoted) + "]";
  }
}
