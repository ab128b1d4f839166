package org.watchdogmenu.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Gives probes that leave their subject empty the subject of the target's service, after merging,
 * so a template's probes follow the app, container or unit a site file names:
 *
 * <ul>
 *   <li>{@code pm2}: {@code app} and {@code user} of a pm2 service;
 *   <li>{@code memory}, {@code cpu}: {@code pm2_app} = the app of a pm2 service, when none of
 *       {@code pid_file}, {@code process}, {@code pm2_app} is given;
 *   <li>{@code docker}: {@code container} of a docker service;
 *   <li>{@code log-scan}: {@code unit} of a systemd or systemd-user service, when neither {@code
 *       unit} nor {@code file} is given.
 * </ul>
 */
final class ServiceFill {
  private ServiceFill() {}

  static void fill(ObjectNode target) {
    if (!(target.get("service") instanceof ObjectNode service)
        || !target.path("probes").isArray()) {
      return;
    }
    String kind = service.path("kind").asText("");
    for (JsonNode item : target.get("probes")) {
      if (item instanceof ObjectNode probe) {
        fillProbe(probe, service, kind);
      }
    }
  }

  private static void fillProbe(ObjectNode probe, ObjectNode service, String kind) {
    switch (probe.path("type").asText("")) {
      case "pm2" -> {
        if (kind.equals("pm2")) {
          copyIfEmpty(service, "app", probe, "app");
          copyIfEmpty(service, "user", probe, "user");
        }
      }
      case "memory", "cpu" -> {
        if (kind.equals("pm2") && isEmpty(probe, "pid_file") && isEmpty(probe, "process")) {
          copyIfEmpty(service, "app", probe, "pm2_app");
        }
      }
      case "docker" -> {
        if (kind.equals("docker")) {
          copyIfEmpty(service, "container", probe, "container");
        }
      }
      case "log-scan" -> {
        if ((kind.equals("systemd") || kind.equals("systemd-user")) && isEmpty(probe, "file")) {
          copyIfEmpty(service, "unit", probe, "unit");
        }
      }
      default -> {}
    }
  }

  private static void copyIfEmpty(ObjectNode from, String fromKey, ObjectNode to, String toKey) {
    if (isEmpty(to, toKey) && !isEmpty(from, fromKey)) {
      to.set(toKey, from.get(fromKey).deepCopy());
    }
  }

  private static boolean isEmpty(ObjectNode node, String key) {
    return node.path(key).isMissingNode() || node.path(key).isNull();
  }
}
