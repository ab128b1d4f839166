package org.watchdogmenu.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.watchdogmenu.alert.AlertsEdit;
import org.watchdogmenu.catalog.Catalog;
import org.watchdogmenu.install.Feature;
import org.watchdogmenu.install.FeatureState;
import org.watchdogmenu.install.InstalledState;
import org.watchdogmenu.install.Schedule;
import org.watchdogmenu.install.ScheduleReader;
import org.watchdogmenu.model.Target;
import org.watchdogmenu.monitor.MonitorList;
import org.watchdogmenu.os.ConfigException;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.SafeRead;

/**
 * A host's present state as a desired-state file ({@code watchdog-menu export}): applied on another
 * host it sets up the same, and applied again it changes nothing. Secrets are never printed: each
 * becomes a {@code KEY_env} naming a variable, listed in the header.
 */
public final class Export {
  private static final String LINGER_DIR = "/var/lib/systemd/linger";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final HostRoot root;
  private final Catalog catalog;
  private final List<String> variables = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private Export(HostRoot root, Catalog catalog) {
    this.root = root;
    this.catalog = catalog;
  }

  /** The file's text. */
  public static String of(HostRoot root, Catalog catalog) {
    return new Export(root, catalog).text();
  }

  private String text() {
    ObjectNode top = F.objectNode();
    top.put("version", 1);
    top.set("targets", targets());
    top.set("schedules", schedules());
    top.set("monitor", monitor());
    top.set("alerts", F.objectNode().set("channels", channels()));
    top.set("sudoers", sudoers());
    top.set("linger", linger());
    top.set("units", units());
    StringBuilder out = new StringBuilder();
    out.append("# watchdog-menu export")
        .append(root.isSystem() ? "" : " of " + root.dir())
        .append(": apply it with 'watchdog-menu apply FILE'.\n");
    if (!variables.isEmpty()) {
      out.append("# Secrets are not exported: set these variables for the apply (or write the")
          .append(" keys as KEY_secret with --secrets):\n");
      variables.forEach(v -> out.append("#   ").append(v).append('\n'));
    }
    notes.forEach(n -> out.append("# ").append(n).append('\n'));
    return out.append(Yaml.document(top)).toString();
  }

  private ObjectNode targets() {
    ObjectNode all = F.objectNode();
    Path dir = root.resolve(Catalog.SITE_DIR);
    TreeSet<String> ids = new TreeSet<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.yaml")) {
        files.forEach(f -> ids.add(f.getFileName().toString().replaceFirst("\\.yaml$", "")));
      } catch (IOException e) {
        notes.add(Catalog.SITE_DIR + " cannot be read: " + e.getMessage());
      }
    }
    for (String id : ids) {
      if (!Target.isValidId(id)) {
        continue;
      }
      try {
        byte[] bytes =
            SafeRead.owned(root.resolve(Catalog.siteFile(id)), SafeRead.CONFIG_CAP, "target file");
        JsonNode tree = Yaml.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
        if (tree instanceof ObjectNode o) {
          ObjectNode keys = o.deepCopy();
          keys.remove("id");
          all.set(id, keys);
        }
      } catch (IOException | RuntimeException e) {
        notes.add("left out " + Catalog.siteFile(id) + ": " + e.getMessage());
      }
    }
    return all;
  }

  private ObjectNode schedules() {
    ObjectNode all = F.objectNode();
    ScheduleReader reader = new ScheduleReader(root);
    for (Target t : catalog.targets()) {
      ObjectNode features = F.objectNode();
      for (Feature f : Feature.values()) {
        FeatureState s = reader.read(t, f);
        if (!s.managed() || s.schedule().isEmpty()) {
          if (s.configured()) {
            notes.add(
                "left out "
                    + s.path()
                    + " ("
                    + s.words()
                    + "): not a schedule watchdog-menu writes");
          }
          continue;
        }
        Schedule schedule = s.schedule().get();
        String key =
            f == Feature.HEALTH
                ? "health"
                : schedule instanceof Schedule.DailyAt ? "restart_at" : "restart";
        features.put(key, schedule.cliText());
      }
      if (!features.isEmpty()) {
        all.set(t.id(), features);
      }
    }
    return all;
  }

  private ArrayNode monitor() {
    ArrayNode list = F.arrayNode();
    try {
      MonitorList.read(root).targets().forEach(list::add);
    } catch (ConfigException e) {
      notes.add("left out the monitor's list: " + e.getMessage());
    }
    return list;
  }

  private ArrayNode channels() {
    ArrayNode list = F.arrayNode();
    Optional<JsonNode> present;
    List<AlertsEdit.Listed> names;
    try {
      present = AlertsText.present(root);
      names = present.isPresent() ? AlertsEdit.channels(root) : List.of();
    } catch (ApplyFileException | ConfigException e) {
      notes.add("left out the alert channels: " + e.getMessage());
      return list;
    }
    JsonNode channels = present.map(p -> p.path("channels")).orElse(F.arrayNode());
    if (present.isPresent() && present.get().has("remind_every")) {
      notes.add(
          "alerts.yaml's remind_every is kept on a host that has it; it is not part of this file");
    }
    int i = 0;
    for (JsonNode c : channels) {
      if (!(c instanceof ObjectNode o)) {
        continue;
      }
      ObjectNode channel = o.deepCopy();
      String name =
          channel.path("name").asText(i < names.size() ? names.get(i).name() : "channel-" + i);
      ObjectNode named = F.objectNode();
      named.put("type", channel.path("type").asText());
      named.put("name", name);
      channel.remove("type");
      channel.remove("name");
      named.setAll(channel);
      list.add(masked(named, name));
      i++;
    }
    return list;
  }

  /** The channel with each secret made a {@code KEY_env} naming a variable. */
  private ObjectNode masked(ObjectNode c, String channel) {
    String type = c.path("type").asText();
    ObjectNode out = c.deepCopy();
    if ((type.equals("slack") || type.equals("webhook")) && out.has("url")) {
      secret(out, "url", channel, "url");
    }
    if (out.path("headers") instanceof ObjectNode h) {
      for (String k : names(h)) {
        secret(h, k, channel, k);
      }
    }
    if (out.path("env") instanceof ObjectNode e) {
      for (String k : names(e)) {
        secret(e, k, channel, k);
      }
    }
    if (out.has("bearer_token")) {
      secret(out, "bearer_token", channel, "bearer_token");
    }
    if (out.path("basic_auth") instanceof ObjectNode b && b.has("password")) {
      secret(b, "password", channel, "password");
    }
    return out;
  }

  private static List<String> names(ObjectNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private void secret(ObjectNode node, String key, String channel, String what) {
    String variable =
        ("WATCHDOG_" + channel + "_" + what).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    // keep the key's place: rebuild the mapping with KEY_env where KEY was
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      fields.add(it.next());
    }
    node.removeAll();
    for (Map.Entry<String, JsonNode> e : fields) {
      if (e.getKey().equals(key)) {
        node.put(key + Secrets.ENV, variable);
      } else {
        node.set(e.getKey(), e.getValue());
      }
    }
    variables.add(variable + "  (channel " + channel + ", " + what + ")");
  }

  private ArrayNode sudoers() {
    ArrayNode list = F.arrayNode();
    for (InstalledState.Grant g : new InstalledState(root).sudoers(this::target)) {
      ObjectNode o = list.addObject();
      o.put("user", g.user());
      o.put("name", g.name());
      ArrayNode targets = o.putArray("targets");
      g.targets().forEach(targets::add);
      ArrayNode commands = o.putArray("commands");
      g.commands().forEach(commands::add);
    }
    return list;
  }

  private Optional<Target> target(String id) {
    try {
      return Optional.of(catalog.target(id));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private ArrayNode linger() {
    ArrayNode list = F.arrayNode();
    Path dir = root.resolve(LINGER_DIR);
    TreeSet<String> users = new TreeSet<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
        files.forEach(f -> users.add(f.getFileName().toString()));
      } catch (IOException e) {
        notes.add(LINGER_DIR + " cannot be read: " + e.getMessage());
      }
    }
    users.forEach(list::add);
    return list;
  }

  private ObjectNode units() {
    InstalledState installed = new InstalledState(root);
    ObjectNode units = F.objectNode();
    units.put("monitor", installed.monitorService());
    ArrayNode policies = units.putArray("restart_policy");
    installed.restartPolicies().forEach(policies::add);
    ArrayNode services = units.putArray("user_services");
    installed.userServices().forEach(s -> services.add(s.unit().replaceFirst("\\.service$", "")));
    ArrayNode pm2 = units.putArray("pm2_housekeeping");
    installed
        .pm2Housekeeping()
        .forEach(p -> pm2.addObject().put("user", p.user()).put("app_dir", p.appDir()));
    return units;
  }
}
