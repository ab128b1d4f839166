package org.watchdogmenu.apply;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.watchdogmenu.install.Feature;
import org.watchdogmenu.install.InstallException;
import org.watchdogmenu.install.Schedule;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.os.YamlFile;

/**
 * Reads a desired-state file strictly: an unknown key, a wrong type or a bad value is one line
 * naming the file, the line, the key and what to do (see 'watchdog-menu help apply'). Secrets named
 * with {@code KEY_env} or {@code KEY_secret} are read here, so a missing one is a bad file too.
 */
final class ApplyFileReader {
  private static final YAMLMapper MAPPER = new YAMLMapper();

  static {
    MAPPER.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  private static final Set<String> TOP =
      Set.of("version", "targets", "schedules", "monitor", "alerts", "sudoers", "linger", "units");

  private final FileLines lines;
  private final Secrets secrets;

  private ApplyFileReader(FileLines lines, Secrets secrets) {
    this.lines = lines;
    this.secrets = secrets;
  }

  /**
   * @param name the file as messages name it
   * @throws ApplyFileException one line
   */
  static DesiredState read(String name, String text, Secrets secrets) {
    FileLines lines = new FileLines(name, text);
    Optional<YamlFile.Shape> shape = YamlFile.shapeProblem(text);
    if (shape.isPresent()) {
      throw new ApplyFileException(
          name + " line " + shape.get().line() + ": " + shape.get().reason());
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
      String why = e.getOriginalMessage().split("\n")[0];
      throw new ApplyFileException(
          name + " line " + line + ": is not valid YAML (" + why + "): fix it");
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      throw new ApplyFileException(name + " line 1: is empty: start it with 'version: 1'");
    }
    return new ApplyFileReader(lines, secrets).state(tree);
  }

  private DesiredState state(JsonNode top) {
    List<Object> root = List.of();
    object(top, root);
    keys(top, root, TOP);
    JsonNode version = top.get("version");
    if (version == null) {
      throw lines.problem(List.of(), "version: 1 is missing: add it as the first line");
    }
    if (!version.isInt() || version.asInt() != 1) {
      throw lines.problem(
          List.of("version"), "this watchdog-menu reads version 1: write version: 1");
    }
    Optional<DesiredState.Units> units = section(top, "units").map(this::units);
    return new DesiredState(
        section(top, "targets").map(this::targets),
        section(top, "schedules").map(this::schedules),
        section(top, "monitor").map(n -> ids(n, List.of("monitor"))),
        section(top, "alerts").map(this::channels),
        section(top, "sudoers").map(this::sudoers),
        section(top, "linger").map(n -> strings(n, List.of("linger"))),
        units,
        lines);
  }

  private static Optional<JsonNode> section(JsonNode top, String key) {
    return Optional.ofNullable(top.get(key));
  }

  private Map<String, ObjectNode> targets(JsonNode n) {
    List<Object> at = List.of("targets");
    Map<String, ObjectNode> all = new LinkedHashMap<>();
    if (n.isNull()) {
      return all;
    }
    object(n, at);
    n.fields()
        .forEachRemaining(
            e -> {
              List<Object> here = List.of("targets", e.getKey());
              id(e.getKey(), here);
              object(e.getValue(), here);
              if (e.getValue().has("id")) {
                throw lines.problem(
                    List.of("targets", e.getKey(), "id"),
                    "the id is the key above it: remove this line");
              }
              all.put(e.getKey(), (ObjectNode) e.getValue());
            });
    return all;
  }

  private Map<String, Map<Feature, Schedule>> schedules(JsonNode n) {
    Map<String, Map<Feature, Schedule>> all = new LinkedHashMap<>();
    if (n.isNull()) {
      return all;
    }
    object(n, List.of("schedules"));
    n.fields()
        .forEachRemaining(
            e -> {
              List<Object> here = List.of("schedules", e.getKey());
              id(e.getKey(), here);
              object(e.getValue(), here);
              keys(e.getValue(), here, Set.of("health", "restart", "restart_at"));
              if (e.getValue().has("restart") && e.getValue().has("restart_at")) {
                throw lines.problem(
                    path(here, "restart_at"),
                    "give either restart (an interval) or restart_at (times of day), not both");
              }
              Map<Feature, Schedule> features = new EnumMap<>(Feature.class);
              for (String key : List.of("health", "restart", "restart_at")) {
                if (e.getValue().has(key)) {
                  Feature f = key.equals("health") ? Feature.HEALTH : Feature.RESTART;
                  features.put(f, schedule(e.getValue().get(key), path(here, key)));
                }
              }
              all.put(e.getKey(), features);
            });
    return all;
  }

  private Schedule schedule(JsonNode n, List<Object> at) {
    String text = text(n, at);
    String key = (String) at.get(at.size() - 1);
    Schedule s;
    try {
      s = Schedule.parse(text);
    } catch (InstallException e) {
      throw lines.problem(at, e.getMessage());
    }
    boolean timesOfDay = s instanceof Schedule.DailyAt;
    if (key.equals("restart_at") && !timesOfDay) {
      throw lines.problem(
          at, "give times of day, e.g. \"08:00,16:00,00:00\" (for an interval use restart)");
    }
    if (!key.equals("restart_at") && timesOfDay) {
      throw lines.problem(
          at, "give an interval such as 5m or 1h (times of day go with restart_at)");
    }
    return s;
  }

  private List<ObjectNode> channels(JsonNode n) {
    List<Object> at = List.of("alerts");
    object(n, at);
    keys(n, at, Set.of("channels"));
    JsonNode list = n.get("channels");
    List<ObjectNode> all = new ArrayList<>();
    if (list == null || list.isNull()) {
      return all;
    }
    array(list, List.of("alerts", "channels"));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      List<Object> here = List.of("alerts", "channels", i);
      object(list.get(i), here);
      ObjectNode channel = (ObjectNode) list.get(i).deepCopy();
      String name = text(channel.get("name"), path(here, "name"));
      if (names.contains(name)) {
        throw lines.problem(
            path(here, "name"), "two channels are named " + name + ": give each its own name");
      }
      names.add(name);
      all.add(resolved(channel, here));
    }
    return all;
  }

  /**
   * The channel with each {@code KEY_env} and {@code KEY_secret} replaced by {@code KEY: value}.
   */
  private ObjectNode resolved(ObjectNode node, List<Object> at) {
    ObjectNode out = node.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      List<Object> here = path(at, key);
      String suffix =
          key.endsWith(Secrets.ENV)
              ? Secrets.ENV
              : key.endsWith(Secrets.SECRET) ? Secrets.SECRET : null;
      if (suffix != null && key.length() > suffix.length()) {
        String plain = key.substring(0, key.length() - suffix.length());
        if (node.has(plain)) {
          throw lines.problem(here, "give " + plain + " once: either the value or " + key);
        }
        String name = text(e.getValue(), here);
        StringBuilder why = new StringBuilder();
        String value =
            secrets.value(suffix, name, why).orElseThrow(() -> lines.problem(here, why.toString()));
        out.put(plain, value);
      } else if (e.getValue().isObject()) {
        out.set(key, resolved((ObjectNode) e.getValue(), here));
      } else {
        out.set(key, e.getValue());
      }
    }
    return out;
  }

  private List<DesiredState.Sudoers> sudoers(JsonNode n) {
    List<DesiredState.Sudoers> all = new ArrayList<>();
    if (n.isNull()) {
      return all;
    }
    array(n, List.of("sudoers"));
    for (int i = 0; i < n.size(); i++) {
      List<Object> here = List.of("sudoers", i);
      JsonNode s = n.get(i);
      object(s, here);
      keys(s, here, Set.of("user", "name", "targets", "commands"));
      String user = text(s.get("user"), path(here, "user"));
      Optional<String> name =
          s.has("name") ? Optional.of(text(s.get("name"), path(here, "name"))) : Optional.empty();
      List<String> targets =
          s.has("targets") ? ids(s.get("targets"), path(here, "targets")) : List.of();
      List<String> commands =
          s.has("commands") ? strings(s.get("commands"), path(here, "commands")) : List.of();
      all.add(new DesiredState.Sudoers(i, user, name, targets, commands));
    }
    return all;
  }

  private DesiredState.Units units(JsonNode n) {
    List<Object> at = List.of("units");
    object(n, at);
    keys(n, at, Set.of("monitor", "restart_policy", "user_services", "pm2_housekeeping"));
    Optional<Boolean> monitor = Optional.empty();
    if (n.has("monitor")) {
      if (!n.get("monitor").isBoolean()) {
        throw lines.problem(path(at, "monitor"), "write true or false");
      }
      monitor = Optional.of(n.get("monitor").asBoolean());
    }
    Optional<List<DesiredState.Pm2>> pm2 = Optional.empty();
    if (n.has("pm2_housekeeping")) {
      List<Object> here = path(at, "pm2_housekeeping");
      JsonNode list = n.get("pm2_housekeeping");
      List<DesiredState.Pm2> all = new ArrayList<>();
      if (!list.isNull()) {
        array(list, here);
        for (int i = 0; i < list.size(); i++) {
          List<Object> item = path(here, i);
          object(list.get(i), item);
          keys(list.get(i), item, Set.of("user", "app_dir"));
          all.add(
              new DesiredState.Pm2(
                  i,
                  text(list.get(i).get("user"), path(item, "user")),
                  text(list.get(i).get("app_dir"), path(item, "app_dir"))));
        }
      }
      pm2 = Optional.of(all);
    }
    return new DesiredState.Units(
        monitor,
        Optional.ofNullable(n.get("restart_policy"))
            .map(x -> strings(x, path(at, "restart_policy"))),
        Optional.ofNullable(n.get("user_services")).map(x -> ids(x, path(at, "user_services"))),
        pm2);
  }

  private List<String> ids(JsonNode n, List<Object> at) {
    List<String> ids = strings(n, at);
    for (int i = 0; i < ids.size(); i++) {
      id(ids.get(i), path(at, i));
    }
    return ids;
  }

  private List<String> strings(JsonNode n, List<Object> at) {
    List<String> all = new ArrayList<>();
    if (n.isNull()) {
      return all;
    }
    array(n, at);
    for (int i = 0; i < n.size(); i++) {
      String s = text(n.get(i), path(at, i));
      if (all.contains(s)) {
        throw lines.problem(path(at, i), s + " is listed twice: list it once");
      }
      all.add(s);
    }
    return all;
  }

  private void id(String id, List<Object> at) {
    if (!Target.isValidId(id)) {
      throw lines.problem(
          at, "'" + id + "' is not a target name: use lower-case letters, digits and dashes");
    }
  }

  private String text(JsonNode n, List<Object> at) {
    if (n == null || n.isNull()) {
      throw lines.problem(at, "is missing: give it a value");
    }
    if (!n.isValueNode()) {
      throw lines.problem(at, "give one value here, not a list or a mapping");
    }
    String s = n.asText();
    if (s.isBlank() || s.chars().anyMatch(Character::isISOControl)) {
      throw lines.problem(at, "give a value on one line");
    }
    return s;
  }

  private void object(JsonNode n, List<Object> at) {
    if (!n.isObject()) {
      throw lines.problem(at, "write a mapping here (key: value lines)");
    }
  }

  private void array(JsonNode n, List<Object> at) {
    if (!n.isArray()) {
      throw lines.problem(at, "write a list here (- item lines, or [a, b])");
    }
  }

  private void keys(JsonNode n, List<Object> at, Set<String> allowed) {
    n.fieldNames()
        .forEachRemaining(
            k -> {
              if (!allowed.contains(k)) {
                throw lines.problem(
                    path(at, k),
                    "unknown key: use "
                        + String.join(", ", allowed.stream().sorted().toList())
                        + " (see 'watchdog-menu help apply')");
              }
            });
  }

  static List<Object> path(List<Object> at, Object step) {
    List<Object> p = new ArrayList<>(at);
    p.add(step);
    return List.copyOf(p);
  }
}
