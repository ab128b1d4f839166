package org.watchdogmenu.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.watchdogmenu.model.CronInterval;
import org.watchdogmenu.model.Durations;
import org.watchdogmenu.model.Target;

/**
 * Reads the {@code menus/} files: the shared interval lists of {@link MenuFiles#DEFAULTS}, then
 * each {@code menus/<system>.yaml} file: the system's header and intervals (its own, else the
 * shared ones), and each role's target and each template as a tree with its lines, marked with the
 * system (and role). Every interval must be one cron can run at ({@link CronInterval}): anything
 * else is refused here, naming file, line and key, so the menu never offers what it cannot install.
 */
final class MenuReader {
  private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

  private final SourceTree source;

  private MenuReader(SourceTree source) {
    this.source = source;
  }

  /**
   * Reads every menu file, the shared defaults first; a broken file becomes a problem (a broken
   * defaults file, one problem: the menus that rely on it then say what they miss).
   */
  static List<SystemDefinition> readAll(List<NamedText> files, List<Problem> problems) {
    MenuDefaults defaults = MenuDefaults.NONE;
    for (NamedText file : files) {
      if (file.name().equals(MenuFiles.DEFAULTS)) {
        try {
          defaults = readDefaults(file);
        } catch (CatalogException e) {
          problems.add(new Problem(file.name(), e.getMessage()));
        }
      }
    }
    List<SystemDefinition> menus = new ArrayList<>();
    for (NamedText file : files) {
      if (!file.name().equals(MenuFiles.DEFAULTS)) {
        try {
          menus.add(read(file, defaults));
        } catch (CatalogException e) {
          problems.add(new Problem(file.name(), e.getMessage()));
        }
      }
    }
    return menus;
  }

  static MenuDefaults readDefaults(NamedText file) {
    SourceTree source = YamlSource.read(file.text(), file.name());
    MenuFile.Defaults d = StrictMapping.map(source.tree(), MenuFile.Defaults.class, source.lines());
    MenuReader reader = new MenuReader(source);
    return new MenuDefaults(
        Optional.ofNullable(d.healthIntervals())
            .map(list -> reader.intervals("health_intervals", list)),
        Optional.ofNullable(d.restartIntervals())
            .map(list -> reader.intervals("restart_intervals", list)));
  }

  static SystemDefinition read(NamedText file, MenuDefaults defaults) {
    SourceTree source = YamlSource.read(file.text(), file.name());
    return new MenuReader(source)
        .definition(StrictMapping.map(source.tree(), MenuFile.class, source.lines()), defaults);
  }

  private SystemDefinition definition(MenuFile m, MenuDefaults defaults) {
    String fileName = source.lines().primaryFile();
    require("system", m.system());
    if (!Target.isValidId(m.system()) || !fileName.endsWith("/" + m.system() + ".yaml")) {
      fail(
          "system", "must be the file name without .yaml, in lower case, not '" + m.system() + "'");
    }
    require("title", m.title());
    require("description", m.description());
    require("order", m.order());
    List<IntervalChoice> health =
        own("health_intervals", m.healthIntervals(), defaults.healthIntervals());
    List<IntervalChoice> restart =
        own("restart_intervals", m.restartIntervals(), defaults.restartIntervals());
    List<FixedTimes> times = new ArrayList<>();
    for (int i = 0; i < m.restartTimes().size(); i++) {
      times.add(times("restart_times[" + i + "]", m.restartTimes().get(i)));
    }
    List<Role> roles = new ArrayList<>();
    List<SourceTree> targets = new ArrayList<>();
    for (int i = 0; i < m.roles().size(); i++) {
      MenuFile.RoleEntry r = m.roles().get(i);
      String at = "roles[" + i + "]";
      require(at + ".role", r.role());
      require(at + ".title", r.title());
      require(at + ".target", r.target());
      SourceTree target = part(at + ".target", m.system());
      target.tree().put("role", r.role());
      targets.add(target);
      roles.add(new Role(r.role(), r.title(), target.tree().path("id").asText()));
    }
    List<SourceTree> templates = new ArrayList<>();
    for (int i = 0; i < m.templates().size(); i++) {
      templates.add(part("templates[" + i + "]", m.system()));
    }
    if (roles.isEmpty() && templates.isEmpty()) {
      fail("", "has neither roles nor templates: add at least one");
    }
    CatalogSystem system =
        new CatalogSystem(
            m.system(),
            m.title(),
            m.description(),
            m.order(),
            health,
            restart,
            times,
            roles,
            templates.stream().map(t -> t.tree().path("id").asText()).toList());
    return new SystemDefinition(system, targets, templates);
  }

  /** The target or template at path, with the system filled in when it has none. */
  private SourceTree part(String path, String system) {
    ObjectNode tree = ((ObjectNode) source.tree().at(pointer(path))).deepCopy();
    SourceMap lines = source.lines().sub(path);
    if (!tree.path("id").isTextual() || !Target.isValidId(tree.path("id").asText())) {
      throw CatalogException.at(
          lines.at("id"),
          "'" + path + ".id' must be a target id (lower-case letters, digits, dashes)");
    }
    if (!tree.hasNonNull("system")) {
      tree.put("system", system);
    }
    return new SourceTree(tree, lines);
  }

  /** The menu's own list when it has one, else the shared one. */
  private List<IntervalChoice> own(
      String key, List<MenuFile.IntervalEntry> own, Optional<List<IntervalChoice>> shared) {
    if (own != null) {
      return intervals(key, own);
    }
    if (shared.isEmpty()) {
      fail(key, "is missing: list the intervals the menu offers, here or in " + MenuFiles.DEFAULTS);
    }
    return shared.get();
  }

  private List<IntervalChoice> intervals(String key, List<MenuFile.IntervalEntry> entries) {
    if (entries.isEmpty()) {
      fail(key, "is missing: list the intervals the menu offers");
    }
    List<IntervalChoice> out = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      MenuFile.IntervalEntry c = entries.get(i);
      String at = key + "[" + i + "]";
      require(at + ".every", c.every());
      require(at + ".label", c.label());
      Optional<CronInterval> every = CronInterval.of(c.every());
      if (every.isEmpty()) {
        fail(
            at + ".every",
            "must be "
                + CronInterval.ALLOWED
                + ", as cron runs it, not '"
                + Durations.format(c.every())
                + "'");
      }
      out.add(new IntervalChoice(every.get(), c.label(), c.warning(), c.recommended()));
    }
    return List.copyOf(out);
  }

  private FixedTimes times(String at, MenuFile.TimesEntry t) {
    require(at + ".at", t.at());
    require(at + ".label", t.label());
    List<LocalTime> out = new ArrayList<>();
    for (int i = 0; i < t.at().size(); i++) {
      String time = t.at().get(i);
      if (time == null || !TIME.matcher(time).matches()) {
        fail(
            at + ".at[" + i + "]",
            "must be a time written HH:MM, e.g. \"08:00\", not '" + time + "'");
      }
      out.add(LocalTime.parse(time));
    }
    return new FixedTimes(out, t.label(), t.recommended());
  }

  private void require(String path, Object value) {
    if (value == null || value instanceof String s && s.isBlank()) {
      throw CatalogException.at(source.lines().at(path), "'" + path + "' is missing");
    }
  }

  private void fail(String path, String message) {
    String key = path.isEmpty() ? "the file" : "'" + path + "'";
    throw CatalogException.at(source.lines().at(path), key + " " + message);
  }

  private static String pointer(String path) {
    return "/" + path.replace("[", "/").replace("]", "").replace('.', '/');
  }
}
