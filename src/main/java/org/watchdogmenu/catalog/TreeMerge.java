package org.watchdogmenu.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Deep merge of two YAML trees: mappings are merged key by key; any other value, lists included,
 * replaces the inherited one whole.
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
        out.set(e.getKey(), merge(oldObject, newObject, keyPath, replaced));
      } else {
        out.set(e.getKey(), e.getValue().deepCopy());
        replaced.add(keyPath);
      }
    }
    return out;
  }
}
