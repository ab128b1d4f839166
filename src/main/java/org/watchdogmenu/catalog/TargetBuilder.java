package org.watchdogmenu.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.watchdogmenu.model.Target;

/** Turns a merged tree into a checked target: fill probes from the service, map, validate. */
final class TargetBuilder {
  private TargetBuilder() {}

  static Target concrete(SourceTree merged) {
    ObjectNode tree = merged.tree().deepCopy();
    dropEmpty(tree);
    ServiceFill.fill(tree);
    TargetValidator.checkTree(tree, merged.lines());
    Target target = StrictMapping.map(tree, Target.class, merged.lines());
    TargetValidator.check(target, merged.lines());
    return target;
  }

  /** Removes keys written without a value ({@code key:}), so the model's default applies. */
  private static void dropEmpty(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.properties().removeIf(e -> e.getValue().isNull());
    }
    node.forEach(TargetBuilder::dropEmpty);
  }

  /** A template only has to be well formed: the site file that extends it completes it. */
  static void template(SourceTree template) {
    TargetValidator.checkTree(template.tree(), template.lines());
    StrictMapping.map(template.tree(), Target.class, template.lines());
  }
}
