package org.watchdogmenu.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.watchdogmenu.alert.AlertsEdit;
import org.watchdogmenu.os.HostRoot;
import org.watchdogmenu.os.SafeRead;

/**
 * alerts.yaml with the channels a desired state asks for: each replaces the channel of its name (in
 * its place) or comes last; a channel the last apply asked for and this one does not is taken out;
 * every other channel and setting is kept. The new text is read back by the alert loader.
 */
final class AlertsText {
  static final String HEADER =
      "# Managed by watchdog-menu (apply, alert add-channel, the menu). Mode 0600: it holds"
          + " secrets.\n";

  private AlertsText() {}

  /**
   * @param wanted the channels by name, secrets already in them
   * @param ownedNames channels the last apply asked for
   * @return the new text, or empty when the file already holds exactly these channels
   * @throws ApplyFileException one line: the present file or the new text does not load
   */
  static Optional<String> with(
      HostRoot root, Map<String, ObjectNode> wanted, List<String> ownedNames) {
    Optional<JsonNode> present = present(root);
    ObjectNode now =
        present
            .filter(JsonNode::isObject)
            .map(n -> (ObjectNode) n)
            .orElseGet(JsonNodeFactory.instance::objectNode);
    ObjectNode next = now.deepCopy();
    ArrayNode channels = JsonNodeFactory.instance.arrayNode();
    Map<String, ObjectNode> left = new LinkedHashMap<>(wanted);
    JsonNode old = now.path("channels");
    for (JsonNode c : old.isArray() ? old : JsonNodeFactory.instance.arrayNode()) {
      String name = c.path("name").asText(null);
      if (name != null && left.containsKey(name)) {
        channels.add(left.remove(name));
      } else if (name == null || !ownedNames.contains(name)) {
        channels.add(c);
      }
    }
    left.values().forEach(channels::add);
    next.set("channels", channels);
    if (next.equals(now) || (present.isEmpty() && channels.isEmpty())) {
      return Optional.empty();
    }
    String text = HEADER + Yaml.document(next);
    List<String> problems = AlertsEdit.problems(text.getBytes(StandardCharsets.UTF_8));
    if (!problems.isEmpty()) {
      throw new ApplyFileException(problems.get(0).replace(AlertsEdit.PATH + ": ", ""));
    }
    return Optional.of(text);
  }

  /** The present file as a tree; empty when there is none. */
  static Optional<JsonNode> present(HostRoot root) {
    try {
      byte[] bytes =
          SafeRead.owned(root.resolve(AlertsEdit.PATH), SafeRead.CONFIG_CAP, "alerts file");
      JsonNode n = Yaml.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
      return n == null || n.isMissingNode() || n.isNull() ? Optional.empty() : Optional.of(n);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new ApplyFileException(
          AlertsEdit.PATH + ": " + e.getMessage() + ": fix it, then apply again");
    }
  }
}
