package org.watchdogmenu.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sets values in the tree of one site file. A list in a site file replaces the inherited one whole,
 * so a key inside an inherited list (a probe's port) first copies the whole list into the file. An
 * empty value takes the key away; when the file inherits a value there, it writes {@code key:}
 * (null) so the model's default applies.
 */
final class SiteEdit {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String id;
  private final ObjectNode site;
  private final Catalog.Sources sources;
  private final List<String> copied = new ArrayList<>();

  /**
   * @param site the file's tree, changed in place
   */
  SiteEdit(String id, ObjectNode site, Catalog.Sources sources) {
    this.id = id;
    this.site = site;
    this.sources = sources;
  }

  /**
   * @throws CatalogException when the key cannot be set (the id, a key inside a single value, an
   *     index past the end of a list, what the file extends is unknown)
   */
  void apply(Setting setting) {
    KeyPath path = KeyPath.parse(setting.key());
    if (path.parts().get(0).key().equals("id")) {
      throw new CatalogException(
          "'id' names the file and cannot be changed: add a target with the new id instead");
    }
    JsonNode merged = merged();
    Optional<JsonNode> value = ValueTypes.value(ValueTypes.at(merged, path), setting.value(), path);
    JsonNode parent = parent(path, merged);
    KeyPath.Part leaf = path.parts().get(path.parts().size() - 1);
    if (value.isPresent()) {
      put(parent, leaf, value.get(), path);
    } else if (parent instanceof ObjectNode object) {
      object.remove(leaf.key());
      JsonNode inherited = at(merged(), path);
      if (!inherited.isNull() && !inherited.isMissingNode()) {
        object.putNull(leaf.key());
      }
    } else if (leaf.index() < parent.size()) {
      ((ArrayNode) parent).remove(leaf.index());
    }
  }

  /** Lists copied whole from what the file starts from, by key (e.g. {@code probes}). */
  List<String> copied() {
    return copied;
  }

  /** The file merged onto what it starts from, before the model's defaults. */
  private JsonNode merged() {
    SourceTree tree =
        new SourceTree(site.deepCopy(), new SourceMap(Catalog.siteFile(id), Map.of()));
    return SiteTarget.merged(tree, id, sources.targets(), sources.templates()).tree();
  }

  /** The mapping or list that holds the last part of path, made (or copied) where missing. */
  private JsonNode parent(KeyPath path, JsonNode merged) {
    JsonNode node = site;
    JsonNode inherited = merged;
    List<KeyPath.Part> parts = path.parts();
    for (int i = 0; i < parts.size() - 1; i++) {
      KeyPath.Part part = parts.get(i);
      KeyPath.Part next = parts.get(i + 1);
      KeyPath upTo = new KeyPath(parts.subList(0, i + 1));
      JsonNode child = get(node, part);
      inherited = inherited == null ? null : get(inherited, part);
      JsonNode shape = child == null || child.isNull() ? inherited : child;
      if (shape != null
          && !shape.isNull()
          && (next.isIndex() ? !shape.isArray() : !shape.isObject())) {
        throw new CatalogException(
            "'"
                + upTo
                + "' holds "
                + (shape.isArray() ? "a list" : shape.isObject() ? "keys" : "a single value")
                + ", so '"
                + path
                + "' cannot be set: write '"
                + upTo
                + "' itself");
      }
      if (child == null || child.isNull()) {
        if (inherited != null && inherited.isArray()) {
          child = inherited.deepCopy();
          copied.add(upTo.toString());
        } else {
          child = next.isIndex() ? NODES.arrayNode() : NODES.objectNode();
        }
        put(node, part, child, path);
      }
      node = child;
    }
    return node;
  }

  private static JsonNode get(JsonNode node, KeyPath.Part part) {
    return part.isIndex() ? node.get(part.index()) : node.get(part.key());
  }

  private static JsonNode at(JsonNode tree, KeyPath path) {
    JsonNode node = tree;
    for (KeyPath.Part p : path.parts()) {
      node = p.isIndex() ? node.path(p.index()) : node.path(p.key());
    }
    return node;
  }

  private static void put(JsonNode container, KeyPath.Part part, JsonNode value, KeyPath path) {
    if (container instanceof ObjectNode object) {
      object.set(part.key(), value);
      return;
    }
    ArrayNode list = (ArrayNode) container;
    if (part.index() < list.size()) {
      list.set(part.index(), value);
    } else if (part.index() == list.size()) {
      list.add(value);
    } else {
      throw new CatalogException(
          "'"
              + path
              + "': the list has "
              + list.size()
              + (list.size() == 1 ? " item" : " items")
              + ": use an index from 0 to "
              + list.size()
              + " ("
              + list.size()
              + " adds one)");
    }
  }
}
