package org.watchdogmenu.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.watchdogmenu.catalog.CatalogException;
import org.watchdogmenu.catalog.Setting;
import org.watchdogmenu.catalog.TargetFile;
import org.watchdogmenu.catalog.TargetFiles;
import org.watchdogmenu.catalog.ValueRule;

/**
 * The form of a new target of the operator's own: its id and title, what its kind needs (a unit; an
 * app and its user; a restart command, user and folder), and an optional health URL and TCP port,
 * which become probes after those of the template. Saving makes the new file (read back by the
 * catalog) and opens its preview; after an apply the menu goes back to the first screen, where the
 * target shows under its system or under "Your own targets".
 */
final class NewTargetForm {
  /** What the new target is: the template it extends, or a command service of its own. */
  enum Kind {
    SYSTEMD("A systemd service (systemctl is-active; restarted with systemctl)", "systemd-service"),
    PM2("A PM2 app (daemon, online, memory, CPU; restarted with pm2)", "pm2-app"),
    COMMAND("A service with a restart command of its own", null);

    private final String words;
    private final String template;

    Kind(String words, String template) {
      this.words = words;
      this.template = template;
    }

    String words() {
      return words;
    }
  }

  private static final String ID = "id";
  private static final String HEALTH_URL = "url";
  private static final String TCP_PORT = "port";

  private final Session session;
  private final Kind kind;
  private final List<String> keys = new ArrayList<>();
  private final List<Field> fields = new ArrayList<>();

  private NewTargetForm(Session session, Kind kind) {
    this.session = session;
    this.kind = kind;
  }

  static FormView form(Session session, Kind kind) {
    NewTargetForm f = new NewTargetForm(session, kind);
    f.add("Id", ID, "lower-case letters, digits and dashes, e.g. svc-web", f::idProblem);
    f.add("Title", "title", "how the menu names it (empty: the id)", ValueRule.TEXT);
    switch (kind) {
      case SYSTEMD -> f.add("Unit", "service.unit", TargetSettings.UNIT, ValueRule.UNIT);
      case PM2 -> {
        f.add("PM2 app", "service.app", "the app's name in pm2 list", ValueRule.TEXT);
        f.add("User of its PM2", "service.user", TargetSettings.USER, ValueRule.USER);
      }
      case COMMAND -> {
        f.add("Restart command", "service.restart", TargetSettings.COMMAND, ValueRule.TEXT);
        f.add("Runs as user", "service.user", TargetSettings.USER, ValueRule.USER);
        f.add("Working folder", "service.workdir", TargetSettings.FOLDER, ValueRule.PATH);
      }
    }
    f.add("Health URL (optional)", HEALTH_URL, TargetSettings.URL, ValueRule.URL);
    f.add("TCP port it listens on (optional)", TCP_PORT, TargetSettings.PORT, ValueRule.PORT);
    List<String> intro =
        List.of(
            kind.words(),
            "Give the id and what the service needs; saving shows the new file first.");
    return new FormView("New target", intro, f.fields, "Save (preview the new file)", f::save);
  }

  private Step save(List<String> values) {
    String id = value(values, ID);
    String url = value(values, HEALTH_URL);
    String port = value(values, TCP_PORT);
    if (kind == Kind.COMMAND && url.isEmpty() && port.isEmpty()) {
      return Step.say(
          "Not saved: give a health URL or a TCP port: nothing else tells whether a service"
              + " restarted by a command of its own is healthy");
    }
    TargetFiles files = new TargetFiles(session.catalog());
    List<Setting> settings = new ArrayList<>();
    settings.add(
        kind.template == null
            ? new Setting("service.kind", "command")
            : new Setting("extends", kind.template));
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      if (!List.of(ID, HEALTH_URL, TCP_PORT).contains(key) && !values.get(i).isEmpty()) {
        settings.add(new Setting(key, values.get(i)));
      }
    }
    int probe = kind.template == null ? 0 : files.inheritedItems(kind.template, "probes");
    if (!url.isEmpty()) {
      settings.add(new Setting("probes." + probe + ".type", "http"));
      settings.add(new Setting("probes." + probe++ + ".url", url));
    }
    if (!port.isEmpty()) {
      settings.add(new Setting("probes." + probe + ".type", "tcp-listen"));
      settings.add(new Setting("probes." + probe + ".port", port));
    }
    try {
      TargetFile file = files.add(id, settings);
      return PlanView.open(
          session, "Save", () -> session.installer().planner().targetFile(file), PlanView.TO_FIRST);
    } catch (CatalogException e) {
      return Step.say("Not saved: " + e.getMessage());
    }
  }

  private Optional<String> idProblem(String id) {
    return id.isEmpty()
        ? Optional.of("give the id: it names the target and its file")
        : new TargetFiles(session.catalog()).idProblem(id);
  }

  private void add(String label, String key, String hint, ValueRule rule) {
    add(label, key, hint, v -> rule.problem(key, v));
  }

  private void add(
      String label, String key, String hint, Function<String, Optional<String>> check) {
    keys.add(key);
    fields.add(Field.of(label, "", hint, check));
  }

  private String value(List<String> values, String key) {
    return values.get(keys.indexOf(key));
  }
}
