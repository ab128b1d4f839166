package org.watchdogmenu.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Writes target trees as YAML the way people write target files: block style, two-space indent,
 * list items indented under their key, quotes only where a value would otherwise read back as
 * something else (a number, {@code true}, a comment).
 */
public final class YamlWriter {
  private static final ObjectMapper MAPPER =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .build());

  private YamlWriter() {}

  /** The tree as a YAML document, ending with a newline. */
  public static String document(JsonNode tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree cannot be written as YAML", e);
    }
  }

  /** One value as it follows {@code key: } on a line, e.g. {@code 8081} or {@code "8081"}. */
  static String scalar(JsonNode value) {
    String line = document(JsonNodeFactory.instance.objectNode().set("v", value));
    return line.substring("v: ".length()).stripTrailing();
  }

  /** The first lines of a file written by watchdog-menu: whose it is and how to change it. */
  static String header(String id) {
    return "# Managed by watchdog-menu: the settings of target "
        + id
        + ".\n# Change them in the menu (the target's Settings), with\n# 'watchdog-menu target set "
        + id
        + " KEY=VALUE', or here by hand.\n";
  }
}
