package org.watchdogmenu.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Deep merge of two YAML trees: mappings are merged key by key; any other value, lists included,
 * replaces the inherited one whole. A service whose {@code kind} the file over it changes keeps
 * only the inherited keys the new kind takes.
 */
final class TreeMerge {
  private TreeMerge() {}

  /** over merged onto base, with the lines of both. Neither input is changed. */
  static SourceTree merge(SourceTree base, SourceTree over) {
    Set<String> replaced = new HashSet<>();
    ObjectNode tree = merge(base.tree(), over.tree(), "", replaced);
    return new SourceTree(tree, base.lines().overlay(over.lines(), replaced));
  }

  private static ObjectNode merge(
      ObjectNode base, ObjectNode over, String path, Set<String> replaced) {
    ObjectNode out = base.deepCopy();
    for (Map.Entry<String, JsonNode> e : over.properties()) {
      String keyPath = SourceMap.child(path, e.getKey());
      JsonNode old = out.get(e.getKey());
      if (old instanceof ObjectNode oldObject && e.getValue() instanceof ObjectNode newObject) {
        if (keyPath.equals("service")) {
          oldObject = keysOfItsKind(oldObject, newObject);
        }
        out.set(e.getKey(), merge(oldObject, newObject, keyPath, replaced));
      } else {
        out.set(e.getKey(), e.getValue().deepCopy());
        replaced.add(keyPath);
      }
    }
    return out;
  }

  /**
   * The inherited service without the keys another kind takes, when the file over it changes the
   * kind: a site file that makes a shipped systemd target a command service does not inherit its
   * {@code unit}, while what both kinds take (such as {@code recovery}) is kept.
   */
  private static ObjectNode keysOfItsKind(ObjectNode base, ObjectNode over) {
    JsonNode kind = over.get("kind");
    if (kind == null || !kind.isTextual() || kind.equals(base.get("kind"))) {
      return base;
    }
    Set<String> keys = ValueTypes.serviceKeys(kind.asText());
    if (keys.isEmpty()) {
      return base; // an unknown kind: named as such by the mapping
    }
    ObjectNode kept = base.deepCopy();
    kept.properties().removeIf(p -> !keys.contains(p.getKey()));
    return kept;
  }
}
