package org.watchdogmenu.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import org.watchdogmenu.model.Target;

/**
 * Reads one site file {@code /etc/watchdog-menu/targets/<id>.yaml}: checks its id against the file
 * name, finds what it starts from ({@code extends}, else the catalog target of the same id, else
 * nothing) and merges.
 */
final class SiteTarget {
  /** What a file that extends an entry does not take from it: they belong to that entry. */
  private static final Set<String> NOT_INHERITED = Set.of("id", "title", "paths");

  private SiteTarget() {}

  /**
   * @param targets catalog targets by id
   * @param templates catalog templates by id
   */
  static SourceTree merged(
      NamedText file,
      String fileId,
      Map<String, SourceTree> targets,
      Map<String, SourceTree> templates) {
    return merged(YamlSource.read(file.text(), file.name()), fileId, targets, templates);
  }

  /** The same for a site file already read into a tree. */
  static SourceTree merged(
      SourceTree site,
      String fileId,
      Map<String, SourceTree> targets,
      Map<String, SourceTree> templates) {
    SourceMap lines = site.lines();
    JsonNode id = site.tree().get("id");
    if (id == null || id.isNull()) {
      throw CatalogException.at(
          lines.forMissing("id"),
          "'id' is missing: add 'id: " + fileId + "' (the file name without .yaml)");
    }
    if (!id.isTextual() || !Target.isValidId(id.asText())) {
      throw CatalogException.at(lines.at("id"), badId(id.asText()));
    }
    if (!id.asText().equals(fileId)) {
      throw CatalogException.at(
          lines.at("id"),
          "'id' is '"
              + id.asText()
              + "' but the file is named "
              + fileId
              + ".yaml: rename the file to "
              + id.asText()
              + ".yaml or change the id");
    }
    SourceTree base = base(site, targets, templates);
    return base == null ? site : TreeMerge.merge(base, site);
  }

  /** What is wrong with an id that is not a target name. */
  static String badId(String id) {
    return "'id' must be lower-case letters, digits and dashes (at most 63, not starting with a"
        + " dash), not '"
        + id
        + "'";
  }

  private static SourceTree base(
      SourceTree site, Map<String, SourceTree> targets, Map<String, SourceTree> templates) {
    JsonNode ext = site.tree().get("extends");
    if (ext == null || ext.isNull()) {
      return targets.get(site.tree().get("id").asText());
    }
    SourceTree base =
        ext.isTextual() ? templates.getOrDefault(ext.asText(), targets.get(ext.asText())) : null;
    if (base != null) {
      ObjectNode tree = base.tree().deepCopy();
      tree.remove(NOT_INHERITED);
      return new SourceTree(tree, base.lines().without(NOT_INHERITED));
    }
    throw CatalogException.at(
        site.lines().at("extends"),
        "'extends' names '"
            + ext.asText()
            + "', which is not a catalog template or target: use one of "
            + String.join(", ", templates.keySet())
            + " or a target from 'watchdog-menu list'");
  }
}
